import type { CastOutcome, ContestPlayStore, SubmitOutcome } from '../../contests/contestsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { castVote } from './castVote.ts';
import { toContest, toEntry } from './toContest.ts';

export function createContestPlayStore(db: Database): ContestPlayStore {
  return {
    current: async (now) =>
      (
        await db.prisma.contest.findMany({
          where: { closedAt: null, submissionsOpenAt: { lte: now } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 10,
        })
      ).map(toContest),
    find: async (id) => {
      const row = await db.prisma.contest.findUnique({ where: { id } });
      return row ? toContest(row) : null;
    },
    entryOf: async (contestId, memberId) => {
      const row = await db.prisma.contestEntry.findUnique({ where: { contestId_memberId: { contestId, memberId } } });
      return row ? toEntry(row) : null;
    },
    findEntry: async (entryId) => {
      const row = await db.prisma.contestEntry.findUnique({ where: { id: entryId } });
      return row ? toEntry(row) : null;
    },
    submit: (contestId, memberId, pictureId, caption, now) =>
      submit(db, { contestId, memberId, pictureId, caption, now }),
    approvedEntries: async (contestId) => {
      const rows = await db.prisma.contestEntry.findMany({
        where: { contestId, status: 'approved' },
        select: { id: true, memberId: true, pictureId: true, caption: true, member: { select: { name: true } } },
      });
      return rows.map(({ member, ...entry }) => ({ ...entry, authorName: member.name }));
    },
    cast: (contestId, voterId, entryId, limit, now): Promise<CastOutcome> =>
      castVote(db, { contestId, voterId, entryId, limit, now }),
    votedBy: async (contestId, voterId) =>
      (await db.prisma.contestVote.findMany({ where: { contestId, voterId }, select: { entryId: true } })).map(
        (vote) => vote.entryId,
      ),
  };
}

interface Submission {
  contestId: string;
  memberId: string;
  pictureId: string;
  caption: string | null;
  now: Date;
}

/**
 * Creates the member's entry or replaces its picture, pending a new
 * decision. Only while submissions are open: the window is part of the
 * update's condition. Two pictures sent at once: the unique (contest,
 * member) lets one create, and the other replaces it.
 */
async function submit(db: Database, submission: Submission): Promise<SubmitOutcome> {
  const { contestId, memberId, pictureId, caption, now } = submission;
  const open = await db.prisma.contest.count({
    where: { id: contestId, closedAt: null, submissionsOpenAt: { lte: now }, submissionsCloseAt: { gt: now } },
  });
  if (open === 0) return { kind: 'closed' };
  const replace = async (): Promise<SubmitOutcome | null> => {
    const replaced = await db.prisma.contestEntry.updateMany({
      where: { contestId, memberId, contest: { submissionsCloseAt: { gt: now } } },
      data: {
        pictureId,
        caption,
        status: 'pending',
        reason: null,
        decidedBy: null,
        decidedAt: null,
        submittedAt: now,
        version: { increment: 1 },
      },
    });
    if (replaced.count === 0) return null;
    const row = await db.prisma.contestEntry.findUniqueOrThrow({
      where: { contestId_memberId: { contestId, memberId } },
    });
    return { kind: 'submitted', entry: toEntry(row), replaced: true };
  };
  const replaced = await replace();
  if (replaced) return replaced;
  try {
    const row = await db.prisma.contestEntry.create({
      data: { id: crypto.randomUUID(), contestId, memberId, pictureId, caption, status: 'pending', submittedAt: now },
    });
    return { kind: 'submitted', entry: toEntry(row), replaced: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await replace()) ?? { kind: 'closed' };
  }
}
