import type { Logger } from '../../logger.ts';
import type { PrizeAwarding } from '../prize.ts';
import type { Draw } from './draw.ts';
import { drawWinners } from './drawWinners.ts';
import type { DrawStore } from './drawsPorts.ts';

export interface DrawDeps {
  draws: DrawStore;
  awarding: PrizeAwarding;
  clock: () => Date;
  log: Logger;
}

export type RunOutcome =
  | { kind: 'drawn'; draw: Draw }
  | { kind: 'not-found' }
  /** Entries are still coming: the window closes at `closesAt`. */
  | { kind: 'still-open'; closesAt: Date }
  /** A beacon source was announced, and no beacon was given. */
  | { kind: 'beacon-required'; beaconSource: string };

/**
 * Runs a draw once. The entries are frozen first (a conditional close), the
 * winners computed from the seed, the entries and the beacon, and stored
 * conditionally on the draw being undrawn: of two runs at once (two
 * instances, a retried request), one stores its outcome and both answer it.
 * Prizes are then awarded by win, which is idempotent too.
 */
export async function runDraw(deps: DrawDeps, id: string, beacon: string | undefined): Promise<RunOutcome> {
  const draw = await deps.draws.find(id);
  if (!draw) return { kind: 'not-found' };
  if (draw.status !== 'drawn') {
    const now = deps.clock();
    if (now < draw.closesAt) return { kind: 'still-open', closesAt: draw.closesAt };
    if (draw.beaconSource && beacon === undefined) return { kind: 'beacon-required', beaconSource: draw.beaconSource };
    await deps.draws.close(id, now);
    const used = draw.beaconSource ? beacon! : '';
    const outcome = drawWinners(draw.seed, await deps.draws.entriesOf(id), used, draw.prizes);
    if (await deps.draws.commit(id, used, outcome, now))
      deps.log.info({ drawId: id, winners: outcome.winners.length }, 'draw drawn');
  }
  await awardPrizes(deps, id);
  return { kind: 'drawn', draw: (await deps.draws.find(id))! };
}

/** Hands a drawn draw's wins to prize awarding (once per win, however often this runs), then marks it awarded. */
export async function awardPrizes(deps: DrawDeps, id: string): Promise<void> {
  const draw = await deps.draws.find(id);
  if (!draw || draw.status !== 'drawn' || draw.awardedAt) return;
  const wins = (await deps.draws.winnersOf(id)).map((winner) => ({
    winId: `draw:${id}:${winner.entryId}`,
    memberId: winner.memberId,
    prize: winner.prize,
    ...(winner.passedOn && draw.claimDays !== undefined && { passedOn: { claimDays: draw.claimDays } }),
  }));
  await deps.awarding.award({ kind: 'draw', id }, draw.title, draw.prizes, wins);
  await deps.draws.markAwarded(id, deps.clock());
}
