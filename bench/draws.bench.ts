// A prize draw over 1,000,000 entries (issue 17's target: under 10 s), run
// as the application runs it: the conditional close, the entries read from
// the database, the digest of the sorted ids, the draw key, an HMAC score per
// entry, the winners in score order, and the conditional commit. The
// baseline, in the same run, hashes the same ids once each in memory.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createDraw } from '../core/contests/draws/createDraw.ts';
import { runDraw } from '../core/contests/draws/runDraw.ts';
import { drawWinners } from '../core/contests/draws/drawWinners.ts';
import type { PrizeWin } from '../core/contests/prize.ts';
import { silentLogger } from '../core/logger.ts';
import { createDrawStore } from '../core/storage/contests/createDrawStore.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase, type Database, type Provider } from '../core/storage/db/openDatabase.ts';
import { benchDatabase } from './httpBench.ts';

const ENTRIES = Number(process.env.BENCH_DRAW_ENTRIES ?? 1_000_000);
const MEMBERS = 200_000;
const PRIZES = [
  { name: { en: 'Grand prize' }, count: 1, points: 5000 },
  { name: { en: 'Second prize' }, count: 10, points: 500 },
  { name: { en: 'Thanks for taking part' }, count: 100, points: 50 },
];

export interface DrawBench {
  provider: Provider;
  entries: number;
  members: number;
  seedSeconds: number;
  baselineSeconds: number;
  /** `runDraw`, from the close to the committed result. */
  drawSeconds: number;
  /** Of which reading the entries. */
  readSeconds: number;
  /** Of which the computation, once read. */
  computeSeconds: number;
  winners: number;
}

/**
 * One draw with ENTRIES opt-in entries of MEMBERS members, seeded in one
 * statement, then run once through the real store. Prizes are handed to
 * awarding after the commit, per winner (111 here), and are counted, not
 * timed: that is each winner's credit and message, the same as any grant.
 */
export async function benchDraws(provider: Provider): Promise<DrawBench | { skipped: string }> {
  const database = await benchDatabase(provider, 'draws');
  if ('skipped' in database) return database;
  const db = openDatabase(database.url);
  try {
    await migrateDatabase(db);
    const store = createDrawStore(db);
    const now = new Date();
    const draw = await createDraw(
      store,
      {
        title: { en: 'Bench draw' },
        prizes: PRIZES,
        entry: { kind: 'optIn' },
        opensAt: new Date(now.getTime() - 7_200_000),
        closesAt: new Date(now.getTime() - 60_000),
        drawAt: now,
        published: true,
      },
      now,
    );
    let started = performance.now();
    await seedEntries(db, draw.id, now);
    const seedSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const ids = await store.entriesOf(draw.id);
    const readSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    drawWinners(draw.seed, ids, '', PRIZES);
    const computeSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    for (const ref of ids) createHash('sha256').update(ref.id, 'utf8').digest('hex');
    const baselineSeconds = (performance.now() - started) / 1000;

    const wins: PrizeWin[] = [];
    started = performance.now();
    const outcome = await runDraw(
      {
        draws: store,
        awarding: { award: async (_source, _title, _prizes, given) => void wins.push(...given) },
        clock: () => new Date(),
        log: silentLogger,
      },
      draw.id,
      '',
    );
    const drawSeconds = (performance.now() - started) / 1000;
    if (outcome.kind !== 'drawn') throw new Error(`the bench draw did not run: ${outcome.kind}`);
    return {
      provider,
      entries: ids.length,
      members: MEMBERS,
      seedSeconds,
      baselineSeconds,
      drawSeconds,
      readSeconds,
      computeSeconds,
      winners: wins.length,
    };
  } finally {
    await db.close();
    await database.dispose();
  }
}

/** ENTRIES opt-in entries in one statement, ids random (as the application's are), members in turn. */
async function seedEntries(db: Database, drawId: string, at: Date): Promise<void> {
  await (db.provider === 'sqlite'
    ? db.prisma.$executeRaw`
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${ENTRIES - 1})
        INSERT INTO "DrawEntry" ("id", "drawId", "memberId", "source", "createdAt")
        SELECT lower(hex(randomblob(16))), ${drawId}, 'member-' || (i % ${MEMBERS}), 'optIn:' || i, ${at} FROM n`
    : db.prisma.$executeRaw`
        INSERT INTO "DrawEntry" ("id", "drawId", "memberId", "source", "createdAt")
        SELECT md5(random()::text || i), ${drawId}, 'member-' || (i % ${MEMBERS}), 'optIn:' || i, ${at}::timestamp(3)
        FROM generate_series(0, ${ENTRIES - 1}::int) AS i`);
  await db.prisma.draw.update({ where: { id: drawId }, data: { entryCount: ENTRIES } });
}
