import type { Translator } from '../i18n/translator.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { birthdaysToday, earnsBirthdayGift } from './birthdayCalendar.ts';
import { laterToday } from '../jobs/decentHour.ts';
import { lotExpiresAt } from '../points/lotExpiresAt.ts';
import { DEFAULT_BATCH_SIZE, eachItem } from '../jobs/eachItem.ts';
import type { BirthdayGift, BirthdayJobDeps, BirthdayMember } from './membersPorts.ts';

export interface BirthdayReport {
  celebrated: number;
  gifted: number;
}

/**
 * Greets the members whose birthday it is in the programme's time zone, by
 * name and in their language, and credits the birthday gift once per year
 * (ledger key `birthday:<memberId>:<year>`, outbox key the same). A birthday
 * entered or changed within the last 30 days is greeted without a gift.
 * Greetings wait for 10:00 local time; the gift is credited at once.
 */
export async function greetBirthdays(deps: BirthdayJobDeps, now: Date): Promise<BirthdayReport> {
  const rules = await deps.loadRules();
  const { year, days } = birthdaysToday(now, deps.settings.timezone);
  const report: BirthdayReport = { celebrated: 0, gifted: 0 };
  const limit = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  await eachItem(
    (after) => deps.birthdays.birthdaysOn(days, year, after, limit),
    async (member) => {
      const gift = birthdayGift(deps, rules, member, year, now);
      if (!(await deps.birthdays.celebrate(gift))) return;
      report.celebrated += 1;
      if (gift.points > 0) report.gifted += 1;
    },
  );
  return report;
}

/** What one member gets today: the greeting, and the gift unless the birthday is fresh. */
export function birthdayGift(
  deps: Pick<BirthdayJobDeps, 'translator' | 'settings'>,
  rules: ProgramRules,
  member: BirthdayMember,
  year: number,
  now: Date,
): BirthdayGift {
  const points = earnsBirthdayGift(member.birthdaySetAt, now) ? rules.birthdayBonus : 0;
  const expiresAt = lotExpiresAt(rules, now);
  const text = greetingText(deps.translator, member, points);
  const greeting = {
    memberId: member.id,
    dedupeKey: `birthday:${member.id}:${year}`,
    message: { text },
    notBefore: laterToday(now, deps.settings.timezone),
    topic: 'birthday' as const,
  };
  return { memberId: member.id, year, points, expiresAt, greeting, at: now };
}

function greetingText(translator: Translator, member: BirthdayMember, points: number): string {
  const t = translator.forLocale(member.locale);
  const lines = [t('birthday.greeting', { name: member.name })];
  if (points > 0) lines.push(t('birthday.gift', { points: t('points', { count: points }) }));
  return lines.join('\n');
}
