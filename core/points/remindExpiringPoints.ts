import { daysAfter } from '../program/days.ts';
import type { Translator } from '../i18n/translator.ts';
import { formatDate } from '../menu/formatDate.ts';
import { nextDecentMoment } from '../jobs/decentHour.ts';
import { DEFAULT_BATCH_SIZE, eachItem } from '../jobs/eachItem.ts';
import type { ExpiringLot, ExpiryJobDeps } from './pointsPorts.ts';
import type { ScheduledNotification } from '../jobs/jobsPorts.ts';

/**
 * Reminds members of points about to expire: one message per lot whose
 * expiry falls within the programme's `expiryReminderDays`, in the member's
 * language, with the date in the programme's time zone, delivered during the
 * day. The outbox keys it `expiry-reminder:<lotId>`, so each lot is
 * mentioned once however often the job runs. Returns how many were written.
 */
export async function remindExpiringPoints(deps: ExpiryJobDeps, now: Date): Promise<number> {
  const { expiryReminderDays } = await deps.loadRules();
  if (expiryReminderDays === 0) return 0;
  const window = { from: now, to: daysAfter(now, expiryReminderDays) };
  const limit = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  let written = 0;
  await eachItem(
    (after) => deps.expiry.lotsToRemind(window, after, limit),
    async (lot) => {
      if (await deps.expiry.remind(expiryReminder(deps.translator, deps.settings.timezone, lot, now), now))
        written += 1;
    },
  );
  return written;
}

/** The reminder of one lot: its points (with the right plural) and the day they expire. */
export function expiryReminder(
  translator: Translator,
  timezone: string,
  lot: ExpiringLot,
  now: Date,
): ScheduledNotification {
  const t = translator.forLocale(lot.locale);
  const text = t('reminder.expiring', {
    count: lot.points,
    points: t('points', { count: lot.points }),
    date: formatDate(lot.expiresAt, lot.locale, timezone),
  });
  return {
    memberId: lot.memberId,
    dedupeKey: `expiry-reminder:${lot.id}`,
    message: { text },
    notBefore: nextDecentMoment(now, timezone),
    topic: 'reminders' as const,
  };
}
