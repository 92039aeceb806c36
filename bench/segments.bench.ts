import { randomUUID } from 'node:crypto';
import type { Database, Provider } from '../core/storage/db/openDatabase.ts';
import { benchDatabase, startBenchApp, timeRequests, type Percentiles } from './httpBench.ts';
import { BASELINE_KIND } from './memberSearch.bench.ts';

const MEMBERS = Number(process.env.BENCH_SEGMENT_MEMBERS ?? 100_000);
const REQUESTS = 30;
const ADMIN_TOKEN = `bench-${randomUUID()}`;
const DAY = 86_400_000;
const TIERS = ['bronze', 'silver', 'gold', 'vip'];
const LOCALES = ['ru', 'ro', 'en'];
const CHANNELS = ['telegram', 'viber', 'web'];
const QUIZ_ID = 'bench-quiz';
const CONTEST_ID = 'bench-contest';
const DRAW_ID = 'bench-draw';
/** Three in five members answered NPS: a group each, the rest none. */
const NPS_GROUPS = ['promoter', 'passive', 'detractor', null, null];

export interface SegmentsBench {
  provider: Provider;
  members: number;
  seedSeconds: number;
  kinds: Record<string, Percentiles>;
}

const segments: Record<string, Record<string, unknown>> = {
  'every member': {},
  'Silver, Russian, Telegram, lapsed 30+ days, 2+ buys': {
    tiers: ['silver'],
    locales: ['ru'],
    channels: ['telegram'],
    daysSinceLastPurchase: { min: 30 },
    purchaseCount: { min: 2 },
  },
  'lapsed 90–180 days': { daysSinceLastPurchase: { min: 90, max: 180 } },
  'joined this quarter, birthday in March': { joined: { from: '2026-09-01' }, birthMonths: [3] },
  'played a quiz, spent 1,000+': { playedQuizzes: [QUIZ_ID], lifetimeSpend: { min: 100_000 } },
  'NPS detractors, lapsed 30+ days': { npsGroups: ['detractor'], daysSinceLastPurchase: { min: 30 } },
  'on Viber or the web chat': { channels: ['viber', 'web'] },
  'entered a contest, on Telegram': { enteredContests: [CONTEST_ID], channels: ['telegram'] },
  'in a draw, lapsed 30+ days': { enteredDraws: [DRAW_ID], daysSinceLastPurchase: { min: 30 } },
  'every filter at once': {
    tiers: ['gold', 'vip'],
    locales: ['ro', 'en'],
    channels: ['viber', 'web'],
    daysSinceLastPurchase: { max: 60 },
    purchaseCount: { min: 1 },
    lifetimeSpend: { min: 10_000 },
    joined: { from: '2025-01-01', to: '2026-11-30' },
    birthMonths: [1, 2, 3, 4, 5, 6],
    playedQuizzes: [QUIZ_ID],
    npsGroups: ['promoter', 'passive'],
    enteredContests: [CONTEST_ID],
    enteredDraws: [DRAW_ID],
  },
};

/**
 * Counting a segment (POST /api/v1/segments/count: the count and the newest
 * ten) over 100,000 members (BENCH_SEGMENT_MEMBERS) with a chat each, varied
 * tiers, languages, channels, purchases and birthdays, a tenth of them having
 * played a quiz, three in five with an NPS group, one in twenty with a contest
 * entry and one in four in a draw (one in twelve with a withdrawn entry besides);
 * the whole application on loopback.
 */
export async function benchSegments(provider: Provider): Promise<SegmentsBench | { skipped: string }> {
  const database = await benchDatabase(provider, 'segments');
  if ('skipped' in database) return database;
  const app = await startBenchApp(database.url, ADMIN_TOKEN, { JOBS_INTERVAL_SECONDS: '0' });
  try {
    const t0 = performance.now();
    await seed(app.db);
    await app.db.prisma.$executeRawUnsafe('ANALYZE');
    const seedSeconds = (performance.now() - t0) / 1000;
    const kinds: Record<string, Percentiles> = {};
    const options = { token: ADMIN_TOKEN, requests: REQUESTS, warmup: 3 };
    kinds[BASELINE_KIND] = await timeRequests(app.url, () => '/api/v1/program', options);
    for (const [kind, filters] of Object.entries(segments))
      kinds[kind] = await timeRequests(app.url, () => '/api/v1/segments/count', { ...options, body: { filters } });
    return { provider, members: MEMBERS, seedSeconds, kinds };
  } finally {
    await app.stop();
    await database.dispose();
  }
}

async function seed(db: Database): Promise<void> {
  const now = Date.now();
  await db.prisma.quiz.create({
    data: {
      id: QUIZ_ID,
      title: '{}',
      questions: '[]',
      pointsPerCorrect: 1,
      perfectBonus: 0,
      secondsPerQuestion: 30,
      opensAt: new Date(now - 30 * DAY),
      closesAt: new Date(now + 30 * DAY),
      // Closed: the bench counts who played it; no chat should be offered it.
      state: 'closed',
      createdAt: new Date(now - 30 * DAY),
    },
  });
  await seedContestAndDraw(db, now);
  const batch = 1000;
  for (let start = 0; start < MEMBERS; start += batch) {
    const indexes = Array.from({ length: Math.min(batch, MEMBERS - start) }, (_, i) => start + i);
    const members = indexes.map((i) => {
      const purchases = i % 7;
      return {
        id: `m${i}`,
        cardNumber: String(100_000_000_000 + i),
        name: `Member ${i}`,
        locale: LOCALES[i % 3]!,
        tier: TIERS[(i >> 2) % 4]!,
        consentAt: new Date(now),
        consentVersion: 'bench',
        purchaseCount: purchases,
        lifetimeSpend: purchases * ((i % 13) + 1) * 10_000,
        lastPurchaseAt: purchases === 0 ? null : new Date(now - ((i * 7919) % 365) * DAY),
        birthMonth: i % 5 === 0 ? null : (i % 12) + 1,
        birthDay: i % 5 === 0 ? null : (i % 28) + 1,
        createdAt: new Date(now - ((i * 104_729) % 730) * DAY),
        npsGroup: NPS_GROUPS[(i >> 3) % NPS_GROUPS.length] ?? null,
      };
    });
    await db.prisma.member.createMany({ data: members });
    await db.prisma.chat.createMany({
      data: indexes.map((i) => ({
        id: `c${i}`,
        channel: CHANNELS[(i >> 1) % 3]!,
        address: String(1_000_000 + i),
        locale: LOCALES[i % 3]!,
        state: '{}',
        memberId: `m${i}`,
        consentAt: new Date(now),
        consentVersion: 'bench',
      })),
    });
    await db.prisma.quizAttempt.createMany({
      data: indexes
        .filter((i) => i % 10 === 0)
        .map((i) => ({ id: `a${i}`, quizId: QUIZ_ID, memberId: `m${i}`, startedAt: new Date(now) })),
    });
    await seedEntries(db, indexes, now);
  }
}

async function seedContestAndDraw(db: Database, now: number): Promise<void> {
  const at = (days: number) => new Date(now + days * DAY);
  await db.prisma.contest.create({
    data: {
      id: CONTEST_ID,
      title: '{}',
      submissionsOpenAt: at(-30),
      submissionsCloseAt: at(-20),
      votingOpensAt: at(-20),
      votingClosesAt: at(-10),
      prizes: '[]',
      seed: 'bench',
      createdAt: at(-30),
    },
  });
  await db.prisma.draw.create({
    data: {
      id: DRAW_ID,
      title: '{}',
      prizes: '[]',
      entryKind: 'purchase',
      entry: '{}',
      opensAt: at(-30),
      closesAt: at(30),
      drawAt: at(31),
      seed: 'bench',
      commitment: 'bench',
      createdAt: at(-30),
    },
  });
}

/** Contest entries of every status, draw entries held and withdrawn. */
async function seedEntries(db: Database, indexes: number[], now: number): Promise<void> {
  const statuses = ['approved', 'pending', 'rejected'];
  await db.prisma.contestEntry.createMany({
    data: indexes
      .filter((i) => i % 20 === 0)
      .map((i) => ({
        id: `e${i}`,
        contestId: CONTEST_ID,
        memberId: `m${i}`,
        pictureId: `p${i}`,
        status: statuses[(i / 20) % 3]!,
        submittedAt: new Date(now),
      })),
  });
  const entry = (i: number, withdrawn: boolean) => ({
    id: `${withdrawn ? 'w' : 'd'}${i}`,
    drawId: DRAW_ID,
    memberId: `m${i}`,
    source: `purchase:${withdrawn ? 'w' : 'd'}${i}:1`,
    withdrawnAt: withdrawn ? new Date(now) : null,
    createdAt: new Date(now),
  });
  await db.prisma.drawEntry.createMany({
    data: [
      ...indexes.filter((i) => i % 4 === 0).map((i) => entry(i, false)),
      ...indexes.filter((i) => i % 12 === 1).map((i) => entry(i, true)),
    ],
  });
}
