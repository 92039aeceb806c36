import { DEFAULT_BATCH_SIZE, eachItem } from '../jobs/eachItem.ts';
import type { ExpiryJobDeps } from './pointsPorts.ts';

export interface SweepReport {
  members: number;
  points: number;
}

/**
 * Retires every lot that expired by `now`, member by member, each in a
 * transaction of its own. Balances already drop the moment points expire
 * when a member is looked at; the sweep makes the ledger, the leaderboards
 * and the reports agree for members nobody looked at. Idempotent: a lot is
 * emptied by a conditional update, so a second run, or a second instance,
 * finds nothing left to take.
 */
export async function sweepExpiredPoints(deps: ExpiryJobDeps, now: Date): Promise<SweepReport> {
  const report: SweepReport = { members: 0, points: 0 };
  const limit = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  await eachItem(
    (after) => deps.expiry.membersWithExpiredLots(now, after, limit),
    async (memberId) => {
      const points = await expireOne(deps, memberId, now);
      if (points > 0) {
        report.members += 1;
        report.points += points;
      }
    },
  );
  return report;
}

/** One member's failure is logged and leaves the others to be swept. */
async function expireOne(deps: ExpiryJobDeps, memberId: string, now: Date): Promise<number> {
  try {
    return await deps.expiry.expireDue(memberId, now);
  } catch (error) {
    deps.log.error(
      { err: error, memberId },
      'expiry sweep: could not retire this member’s expired points; the next run tries again',
    );
    return 0;
  }
}
