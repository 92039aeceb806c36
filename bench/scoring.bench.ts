import { randomUUID } from 'node:crypto';
import { silentLogger } from '../core/logger.ts';
import { programRulesSchema } from '../core/program/programRules.ts';
import { rescore } from '../core/scoring/rescore.ts';
import type { Database, Provider } from '../core/storage/db/openDatabase.ts';
import { createScoreStore } from '../core/storage/scoring/createScoreStore.ts';
import { benchDatabase, startBenchApp, timeRequests, type Percentiles } from './httpBench.ts';
import { BASELINE_KIND } from './memberSearch.bench.ts';

const MEMBERS = Number(process.env.BENCH_SCORING_MEMBERS ?? 100_000);
/** Ten purchases per member on average: the issue's 1,000,000 for 100,000 members. */
const PURCHASES_PER_MEMBER = Number(process.env.BENCH_SCORING_PURCHASES_PER_MEMBER ?? 10);
const REQUESTS = 30;
const ADMIN_TOKEN = `bench-${randomUUID()}`;
const DAY = 86_400_000;

export interface ScoringBench {
  provider: Provider;
  members: number;
  purchases: number;
  seedSeconds: number;
  /** The first scoring run (every member, and the trend's eleven months before), a daily one after it, and a plain GROUP BY of the purchases by member (the baseline). */
  jobSeconds: number;
  dailySeconds: number;
  baselineSeconds: number;
  kinds: Record<string, Percentiles>;
}

/**
 * The daily scoring over 100,000 members (BENCH_SCORING_MEMBERS) with ten
 * purchases each on average spread over two years (a tenth refunded), a
 * third with NPS answers and a tenth with a desk rating; then the stages,
 * quadrant and RFM reports over loopback HTTP, one request at a time, beside
 * GET /api/v1/program.
 */
export async function benchScoring(provider: Provider): Promise<ScoringBench | { skipped: string }> {
  const database = await benchDatabase(provider, 'scoring');
  if ('skipped' in database) return database;
  const app = await startBenchApp(database.url, ADMIN_TOKEN, { JOBS_INTERVAL_SECONDS: '0' });
  try {
    const t0 = performance.now();
    const purchases = await seed(app.db);
    await app.db.prisma.$executeRawUnsafe('ANALYZE');
    const seedSeconds = (performance.now() - t0) / 1000;
    const baselineSeconds = await seconds(() => app.db.prisma.$queryRawUnsafe(BASELINE_SQL));
    const deps = {
      scores: createScoreStore(app.db),
      loadRules: async () => programRulesSchema.parse({}),
      settings: { timezone: 'Europe/Chisinau' },
      log: silentLogger,
    };
    // The first run also counts the eleven months before for the trend; a daily run after it does not.
    const jobSeconds = await seconds(() => rescore(deps, new Date()));
    const dailySeconds = await seconds(() => rescore(deps, new Date()));
    const options = { token: ADMIN_TOKEN, requests: REQUESTS, warmup: 3 };
    const kinds: Record<string, Percentiles> = {
      [BASELINE_KIND]: await timeRequests(app.url, () => '/api/v1/program', options),
    };
    for (const report of ['stages', 'quadrant', 'rfm'])
      kinds[`GET /api/v1/reports/${report}`] = await timeRequests(app.url, () => `/api/v1/reports/${report}`, options);
    for (const [kind, filters] of Object.entries(SEGMENTS))
      kinds[kind] = await timeRequests(app.url, () => '/api/v1/segments/count', { ...options, body: { filters } });
    return { provider, members: MEMBERS, purchases, seedSeconds, jobSeconds, dailySeconds, baselineSeconds, kinds };
  } finally {
    await app.stop();
    await database.dispose();
  }
}

/** Segment counts by the scores (POST /api/v1/segments/count), whose target is 300 ms. */
export const SEGMENTS: Record<string, Record<string, unknown>> = {
  'segment: the false-loyal': { quadrants: ['false'] },
  'segment: stages 4–5, at risk or can’t lose': { stages: [4, 5], rfmSegments: ['at-risk', 'cant-lose'] },
};

const BASELINE_SQL = `SELECT "memberId", COUNT(*), SUM("paidAmount") FROM "Purchase" WHERE "refundedAt" IS NULL GROUP BY "memberId"`;

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}

/** Members, their purchases and answers, in batches; returns the purchases written. */
async function seed(db: Database): Promise<number> {
  const now = Date.now();
  const batch = 1000;
  let purchases = 0;
  for (let start = 0; start < MEMBERS; start += batch) {
    const indexes = Array.from({ length: Math.min(batch, MEMBERS - start) }, (_, i) => start + i);
    const joined = new Date(now - 800 * DAY);
    await insertRows(
      db,
      'Member',
      indexes.map((i) => ({
        id: randomIdOf(i),
        cardNumber: String(100_000_000_000 + i),
        name: `Member ${i}`,
        locale: 'ro',
        consentAt: joined,
        consentVersion: 'bench',
        createdAt: joined,
        updatedAt: joined,
      })),
    );
    const rows = indexes.flatMap((i) => purchasesOf(i, now));
    for (let k = 0; k < rows.length; k += batch) await insertRows(db, 'Purchase', rows.slice(k, k + batch));
    purchases += rows.length;
    await insertRows(
      db,
      'SurveyQuestion',
      indexes.flatMap((i) => answersOf(i, now)),
    );
  }
  return purchases;
}

type Cell = string | number | Date | null;

/**
 * One multi-row INSERT of literal values: Prisma's createMany binds every
 * value as a parameter, which makes seeding a million purchases take many
 * minutes. The values are the bench's own, never input; dates are written
 * as both databases read them (ISO 8601 with an offset, as Prisma stores them on SQLite).
 */
async function insertRows(db: Database, table: string, rows: Record<string, Cell>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const literal = (cell: Cell) => {
    if (cell === null) return 'NULL';
    if (typeof cell === 'number') return String(cell);
    if (cell instanceof Date) return `'${cell.toISOString().replace('Z', '+00:00')}'`;
    return `'${cell.replaceAll("'", "''")}'`;
  };
  const values = rows.map((row) => `(${columns.map((column) => literal(row[column]!)).join(', ')})`);
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${values.join(', ')}`,
  );
}

/** Member ids are UUIDs in the application; a fixed one per index keeps runs alike. */
function randomIdOf(i: number): string {
  const hex = ((i * 2_654_435_761) >>> 0).toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/** 0 to 2 × the average purchases, over the last two years, one in ten refunded. */
function purchasesOf(i: number, now: number) {
  const count = (i * 7919) % (2 * PURCHASES_PER_MEMBER + 1);
  return Array.from({ length: count }, (_, k) => {
    const id = `p${i}-${k}`;
    const amount = 1_000 + ((i * 31 + k * 17) % 50) * 500;
    const at = new Date(now - (((i * 13 + k * 37) % 730) + 1) * DAY);
    return {
      id,
      memberId: randomIdOf(i),
      receiptId: id,
      requestHash: 'bench',
      amount,
      redeemedPoints: 0,
      redeemedAmount: 0,
      paidAmount: amount,
      discountPercent: 0,
      earnedPoints: 0,
      source: 'bench',
      createdAt: at,
      refundedAt: (i + k) % 10 === 0 ? at : null,
    };
  });
}

/** A third of members answered NPS once, a tenth rated the desk. */
function answersOf(i: number, now: number) {
  const answer = (kind: 'nps' | 'csat', score: number, daysAgo: number) => {
    const at = new Date(now - daysAgo * DAY);
    return {
      id: `${kind}${i}`,
      memberId: randomIdOf(i),
      kind,
      touchpoint: kind === 'nps' ? 'purchase' : 'desk',
      dedupeKey: `${kind}${i}`,
      status: 'answered',
      locale: 'ro',
      dueAt: at,
      askedAt: at,
      answeredAt: at,
      score,
    };
  };
  return [
    ...(i % 3 === 0 ? [answer('nps', i % 11, (i % 400) + 1)] : []),
    ...(i % 10 === 1 ? [answer('csat', (i % 5) + 1, (i % 200) + 1)] : []),
  ];
}
