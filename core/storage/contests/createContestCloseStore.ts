import type { ContestCloseStore } from '../../contests/contestsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { contestStandings } from './contestStandings.ts';
import { toContest } from './toContest.ts';

export function createContestCloseStore(db: Database): ContestCloseStore {
  return {
    due: async (now, limit) =>
      (
        await db.prisma.contest.findMany({
          where: { closedAt: null, votingClosesAt: { lte: now } },
          orderBy: { votingClosesAt: 'asc' },
          take: limit,
        })
      ).map(toContest),
    standings: (contestId) => contestStandings(db.prisma, contestId),
    // The mark and the messages commit together; the dedupe keys keep a second run from repeating any.
    close: (contestId, notices, now) =>
      withTransactionRetry(
        db,
        async (tx) => {
          const marked = await tx.contest.updateMany({
            where: { id: contestId, closedAt: null },
            data: { closedAt: now },
          });
          if (marked.count === 0) return false;
          for (const notice of notices) await enqueueInTransaction(tx, { ...notice, at: now }, { tellWhyNot: false });
          return true;
        },
        { timeout: 60_000, maxWait: 10_000 },
      ),
  };
}
