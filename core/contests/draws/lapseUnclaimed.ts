import { awardPrizes, type DrawDeps } from './runDraw.ts';
import { scoreOrder } from './drawWinners.ts';

/**
 * What "claimed" means: a prize code is claimed when the till redeems it; a
 * points prize is claimed when it is credited, at the draw, so it never
 * lapses. A code still unredeemed `claimDays` after it was issued is voided
 * and its prize passes to the next entry in score order whose member has not
 * won in this draw, who is then granted it and told like any winner. The
 * score order is recomputed from the published key and entries, so the
 * public result stays verifiable; a rerun finds nothing left to void.
 */
export async function lapseUnclaimed(deps: DrawDeps, now: Date): Promise<number> {
  let lapsed = 0;
  for (const id of await deps.draws.lapsing(now)) {
    const draw = await deps.draws.find(id);
    if (!draw?.drawKey) continue;
    const entries = await deps.draws.entriesOf(id);
    const count = await deps.draws.handOverLapsed(id, now, entries, scoreOrder(draw.drawKey, entries));
    if (count > 0) deps.log.info({ drawId: id, lapsed: count }, 'unclaimed draw prizes handed over');
    lapsed += count;
    await awardPrizes(deps, id);
  }
  return lapsed;
}
