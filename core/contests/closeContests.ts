import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { ProgramSettings } from '../settings/programSettings.ts';
import { rankEntries, type Contest, type EntryStanding } from './contest.ts';
import type { ContestCloseStore } from './contestsPorts.ts';
import { contestText } from './contestText.ts';
import type { PrizeAwarding, PrizeWin } from './prize.ts';

export interface ContestJobDeps {
  contests: ContestCloseStore;
  /** Gives the winners their prizes (core/contests/prize.ts), on the run's clock; without it the results are told and no prize goes out. */
  awardingAt?: (now: Date) => PrizeAwarding;
  translator: Translator;
  settings: Pick<ProgramSettings, 'defaultLocale'>;
  log: Logger;
}

const BATCH = 10;

/**
 * Settles contests whose voting closed: approved entries ranked by votes (a
 * tie goes to the earlier submission) take the prizes in order, then every
 * participant is told where their entry placed. Prizes go out first and are
 * idempotent by their win id, so a run cut short between the two awards
 * nothing twice; the closing mark and the messages commit together.
 */
export async function closeContests(deps: ContestJobDeps, now: Date): Promise<{ closed: number }> {
  let closed = 0;
  for (const contest of await deps.contests.due(now, BATCH)) {
    const ranked = rankEntries((await deps.contests.standings(contest.id)).filter((e) => e.status === 'approved'));
    const wins = winsOf(contest, ranked);
    if (wins.length > 0)
      await deps.awardingAt?.(now).award({ kind: 'contest', id: contest.id }, contest.title, contest.prizes, wins);
    if (await deps.contests.close(contest.id, results(deps, contest, ranked, wins), now)) closed += 1;
  }
  if (closed > 0) deps.log.info({ closed }, 'contests closed');
  return { closed };
}

/** The first prize's `count` winners, then the next prize's, down the ranking. */
export function winsOf(
  contest: Pick<Contest, 'id' | 'prizes'>,
  ranked: Pick<EntryStanding, 'id' | 'memberId'>[],
): PrizeWin[] {
  const prizeOfPlace = contest.prizes.flatMap((prize, index) => Array.from({ length: prize.count }, () => index));
  return ranked.slice(0, prizeOfPlace.length).map((entry, place) => ({
    winId: `contest:${contest.id}:${entry.id}`,
    memberId: entry.memberId,
    prize: prizeOfPlace[place]!,
  }));
}

function results(deps: ContestJobDeps, contest: Contest, ranked: EntryStanding[], wins: PrizeWin[]): Notification[] {
  return ranked.map((entry, index) => {
    const t = deps.translator.forLocale(entry.authorLocale);
    const title = contestText(contest.title, entry.authorLocale, deps.settings.defaultLocale);
    const win = wins.find((candidate) => candidate.memberId === entry.memberId);
    const prize = win && contestText(contest.prizes[win.prize]?.name, entry.authorLocale, deps.settings.defaultLocale);
    const vars = { title, place: index + 1, of: ranked.length, count: entry.votes, prize };
    return {
      memberId: entry.memberId,
      dedupeKey: `contest:${contest.id}:result:${entry.memberId}`,
      message: { text: t(win ? 'contests.result.winner' : 'contests.result.participant', vars) },
    };
  });
}
