import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase } from '../core/storage/db/openDatabase.ts';
import { createContestPlayStore } from '../core/storage/contests/createContestPlayStore.ts';
import { createContestStore } from '../core/storage/contests/createContestStore.ts';
import { seedMembers } from './seedMembers.ts';

const VOTERS = Number(process.env.BENCH_CONTEST_VOTERS ?? 1_000);
const ENTRIES = 20;
const VOTES_EACH = 3;

export interface ContestVotesResult {
  voters: number;
  /** Votes cast through the store's slot-constrained insert, every voter at once. */
  votesPerSecond: number;
  /** The same number of single inserts into the same table, each slot known beforehand: what the constraint logic costs. */
  baselinePerSecond: number;
  counted: number;
  expected: number;
}

/**
 * 1,000 voters at once on SQLite, each casting 3 votes (with a limit of 3)
 * and tapping the first one twice, through the store members' taps reach;
 * beside it, in the same run, plain inserts of as many votes.
 */
export async function benchContestVotes(): Promise<ContestVotesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-contest-bench-'));
  const db = openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    await migrateDatabase(db);
    await seedMembers(db, VOTERS + ENTRIES, 300_000);
    const members = (await db.prisma.member.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map(
      (m) => m.id,
    );
    const now = new Date();
    const contest = await createContestStore(db).create(
      {
        title: { en: 'Bench' },
        submissionsOpenAt: new Date(now.getTime() - 7_200_000),
        submissionsCloseAt: new Date(now.getTime() - 3_600_000),
        votingOpensAt: new Date(now.getTime() - 3_600_000),
        votingClosesAt: new Date(now.getTime() + 3_600_000),
        votesPerMember: VOTES_EACH,
        prizes: [{ name: { en: 'Prize' }, count: 1, points: 1 }],
        showAuthorNames: false,
      },
      now,
    );
    const authors = members.slice(0, ENTRIES);
    const entries = authors.map((memberId, i) => ({ id: `bench-entry-${i}`, memberId }));
    await db.prisma.contestEntry.createMany({
      data: entries.map((entry, i) => ({
        ...entry,
        contestId: contest.id,
        pictureId: `p${i}`,
        status: 'approved',
        submittedAt: now,
      })),
    });
    const voters = members.slice(ENTRIES);
    const store = createContestPlayStore(db);
    const taps = (voter: string, v: number) =>
      [0, 0, 1, 2].map((k) => () => store.cast(contest.id, voter, entries[(v + k) % ENTRIES]!.id, VOTES_EACH, now));
    const started = performance.now();
    await Promise.all(voters.map(async (voter, v) => Promise.all(taps(voter, v).map((tap) => tap()))));
    const seconds = (performance.now() - started) / 1000;
    const counted = await db.prisma.contestVote.count({ where: { contestId: contest.id } });
    // Baseline: the same votes again as plain inserts into a second contest, slots known.
    const other = await createContestStore(db).create({ ...contest, title: { en: 'Baseline' } }, now);
    const baseStarted = performance.now();
    await Promise.all(
      voters.map(async (voter, v) =>
        Promise.all(
          [0, 1, 2].map(
            (k) =>
              db.prisma.$executeRaw`INSERT INTO "ContestVote" ("contestId", "voterId", "entryId", "slot", "castAt")
                VALUES (${other.id}, ${voter}, ${entries[(v + k) % ENTRIES]!.id}, ${k + 1}, ${now})`,
          ),
        ),
      ),
    );
    const baseSeconds = (performance.now() - baseStarted) / 1000;
    return {
      voters: voters.length,
      votesPerSecond: counted / seconds,
      baselinePerSecond: (voters.length * VOTES_EACH) / baseSeconds,
      counted,
      expected: voters.length * VOTES_EACH,
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
