import { randomBytes } from 'node:crypto';
import type { ContestStore, DecideOutcome, Decision } from '../../contests/contestsPorts.ts';
import type { EntryStanding } from '../../contests/contest.ts';
import type { Notification } from '../../outbox/outboxPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { contestStandings, entriesWithVotes } from './contestStandings.ts';
import { contentColumns, toContest } from './toContest.ts';

export function createContestStore(db: Database): ContestStore {
  return {
    create: async (content, now) =>
      toContest(
        await db.prisma.contest.create({
          data: {
            id: crypto.randomUUID(),
            ...contentColumns(content),
            seed: randomBytes(32).toString('hex'),
            createdAt: now,
          },
        }),
      ),
    list: async () => {
      const rows = await db.prisma.contest.findMany({
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        include: { _count: { select: { entries: true } } },
      });
      return rows.map((row) => ({ ...toContest(row), entries: row._count.entries }));
    },
    find: async (id) => {
      const row = await db.prisma.contest.findUnique({ where: { id } });
      return row ? toContest(row) : null;
    },
    standings: (contestId) => contestStandings(db.prisma, contestId),
    pending: async (limit) => {
      const entries = await entriesWithVotes(db.prisma, { status: 'pending' }, limit);
      const contests = await db.prisma.contest.findMany({
        where: { id: { in: [...new Set(entries.map((entry) => entry.contestId))] } },
        select: { id: true, title: true },
      });
      const titles = new Map(
        contests.map((contest) => [contest.id, JSON.parse(contest.title) as Record<string, string>]),
      );
      return entries.map((entry) => ({ ...entry, contestTitle: titles.get(entry.contestId) ?? {} }));
    },
    entry: async (entryId) => (await entriesWithVotes(db.prisma, { id: entryId }))[0] ?? null,
    decide: (decision, notify) => decide(db, decision, notify),
  };
}

/** The first decision counts: the update is conditional on the entry still pending. */
function decide(
  db: Database,
  decision: Decision,
  notify: (entry: EntryStanding) => Notification,
): Promise<DecideOutcome> {
  return withTransactionRetry(db, async (tx): Promise<DecideOutcome> => {
    const decided = await tx.contestEntry.updateMany({
      where: { id: decision.entryId, status: 'pending' },
      data: {
        status: decision.approve ? 'approved' : 'rejected',
        reason: decision.approve ? null : decision.reason,
        decidedBy: decision.decidedBy,
        decidedAt: decision.now,
      },
    });
    const entry = (await entriesWithVotes(tx, { id: decision.entryId }))[0];
    if (!entry) return { kind: 'not-found' };
    if (decided.count === 0) return { kind: 'already', entry };
    await enqueueInTransaction(tx, { ...notify(entry), at: decision.now }, { tellWhyNot: false });
    return { kind: 'decided', entry };
  });
}
