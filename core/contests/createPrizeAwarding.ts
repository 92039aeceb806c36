import type { Translator } from '../i18n/translator.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Logger } from '../logger.ts';
import { formatDate, formatTime } from '../menu/formatDate.ts';
import { lotExpiresAt } from '../points/lotExpiresAt.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { textIn } from '../quizzes/localizedText.ts';
import type { Prize, PrizeAwarding, PrizeSource, PrizeWin } from './prize.ts';
import { formatPrizeCode, newPrizeCode } from './prizeCode.ts';
import type { PrizeGrant, PrizeStore } from './prizePorts.ts';

export interface PrizeAwardingDeps {
  prizes: PrizeStore;
  translator: Translator;
  settings: { defaultLocale: Locale; timezone: string };
  loadRules: () => Promise<Pick<ProgramRules, 'pointsLifetimeDays'>>;
  clock: () => Date;
  log: Logger;
}

/**
 * Awards each win once: storage records it under its `winId`, credits the
 * points under the ledger key `prize:<winId>` or issues a prize code, and
 * writes the winner's message, in one transaction. A second call with the
 * same wins (a retried job, two instances) finds them granted.
 */
export function createPrizeAwarding(deps: PrizeAwardingDeps): PrizeAwarding {
  return {
    award: async (source, title, prizes, wins) => {
      const rules = await deps.loadRules();
      let granted = 0;
      for (const win of wins) {
        const outcome = await deps.prizes.grant(grantOf(deps, { source, title, prizes, win, rules }));
        if (outcome === 'granted') granted += 1;
        if (outcome === 'member-gone')
          deps.log.warn({ source, winId: win.winId }, 'prize winner is no member any more');
      }
      if (granted > 0) deps.log.info({ source, granted }, 'prizes awarded');
    },
  };
}

interface WinContext {
  source: PrizeSource;
  title: Record<string, string | undefined>;
  prizes: Prize[];
  win: PrizeWin;
  rules: Pick<ProgramRules, 'pointsLifetimeDays'>;
}

function grantOf(deps: PrizeAwardingDeps, { source, title, prizes, win, rules }: WinContext): PrizeGrant {
  const prize = prizes[win.prize];
  if (!prize)
    throw new RangeError(`Win ${win.winId} names prize ${win.prize}, which ${source.kind} ${source.id} has not.`);
  const at = deps.clock();
  const points = prize.points ?? null;
  return {
    source,
    winId: win.winId,
    memberId: win.memberId,
    prize: win.prize,
    name: prize.name,
    points,
    expiresAt: points === null ? null : lotExpiresAt(rules, at),
    newCode: points === null ? newPrizeCode : null,
    at,
    notify: (winner, code) => {
      const t = deps.translator.forLocale(winner.locale);
      const fields = {
        name: winner.name,
        title: textIn(title, winner.locale, deps.settings.defaultLocale),
        prize: textIn(prize.name, winner.locale, deps.settings.defaultLocale),
      };
      const text =
        code === null
          ? t('prizes.wonPoints', { ...fields, points: t('points', { count: points ?? 0 }) })
          : codeText(deps, win, { ...fields, code: formatPrizeCode(code) }, { locale: winner.locale, at });
      return { memberId: win.memberId, dedupeKey: `prize:${win.winId}:won`, message: { text } };
    },
  };
}

const DAY_MS = 86_400_000;

/**
 * A code winner's message. One who got the prize because the winner before
 * did not claim it is told so, and by when to claim it: the code lapses
 * `claimDays` after it is issued, like the first one did.
 */
function codeText(
  deps: PrizeAwardingDeps,
  win: PrizeWin,
  fields: Record<string, string>,
  { locale, at }: { locale: Locale; at: Date },
): string {
  const t = deps.translator.forLocale(locale);
  if (!win.passedOn) return t('prizes.wonCode', fields);
  const claimBy = new Date(at.getTime() + win.passedOn.claimDays * DAY_MS);
  return t('prizes.passedOnCode', {
    ...fields,
    date: formatDate(claimBy, locale, deps.settings.timezone),
    time: formatTime(claimBy, locale, deps.settings.timezone),
  });
}
