// On random histories (members joining, buying at any hour, some purchases
// refunded), the reports read from the roll-ups agree with the same figures
// recomputed naively from the raw rows, and a rebuild changes nothing.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterEach, expect, it } from 'vitest';
import { cohortReport } from '../../../core/analytics/cohortReport.ts';
import { ltvReport } from '../../../core/analytics/ltvReport.ts';
import { overviewReport } from '../../../core/analytics/overviewReport.ts';
import { reportPeriod } from '../../../core/analytics/reportPeriod.ts';
import { createAnalyticsReads } from '../../../core/storage/analytics/createAnalyticsReads.ts';
import { rebuildFigures } from '../../../core/storage/analytics/rebuildFigures.ts';
import type { Provider } from '../../../core/storage/db/openDatabase.ts';
import { createSurveyReports } from '../../../core/storage/surveys/createSurveyReports.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createAnalyticsWorld, type AnalyticsWorld } from './support/analyticsWorld.ts';

const ZONE = 'Europe/Chisinau';
const BASE = Date.UTC(2026, 1, 1);
const HOUR_MS = 3_600_000;

const historyArbitrary = fc.record({
  joins: fc.array(fc.integer({ min: 0, max: 60 * 24 }), { minLength: 1, maxLength: 4 }),
  purchases: fc.array(
    fc.record({
      member: fc.nat(),
      hours: fc.integer({ min: 0, max: 100 * 24 }),
      amount: fc.integer({ min: 100, max: 50_000 }),
      refunded: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
});
type History = typeof historyArbitrary extends fc.Arbitrary<infer H> ? H : never;

describeEachProvider('reports against raw rows', (provider) => {
  let world: AnalyticsWorld | null = null;
  afterEach(async () => {
    await world?.dispose();
    world = null;
  });

  it('agree with a naive recomputation on random histories', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (history) => {
        await world?.dispose();
        world = await play(provider, history);
        await expectReportsMatchRawRows(world);
        const kept = await world.rollUps();
        await rebuildFigures(world.db);
        expect(await world.rollUps()).toEqual(kept);
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});

async function play(provider: Provider, history: History): Promise<AnalyticsWorld> {
  const created = await createAnalyticsWorld(provider);
  const joinedAt = history.joins.map((hours) => BASE + hours * HOUR_MS);
  const ids: string[] = [];
  for (const at of joinedAt) ids.push(await created.join(new Date(at).toISOString()));
  const purchases = history.purchases
    .map((p) => ({ ...p, member: p.member % ids.length }))
    .map((p) => ({ ...p, at: Math.max(joinedAt[p.member]!, BASE + p.hours * HOUR_MS) + 60_000 }))
    .sort((a, b) => a.at - b.at);
  for (const purchase of purchases) {
    const id = await created.buy(ids[purchase.member]!, new Date(purchase.at).toISOString(), purchase.amount);
    if (purchase.refunded) await created.refund(id, new Date(purchase.at + HOUR_MS).toISOString());
  }
  return created;
}

async function expectReportsMatchRawRows(world: AnalyticsWorld): Promise<void> {
  const reads = createAnalyticsReads(world.db);
  const raw = await rawRows(world);
  const outcome = reportPeriod({ from: '2026-02-10', to: '2026-03-20' }, new Date(), ZONE);
  if (!outcome.ok) throw new Error('period refused');
  const { figures } = await overviewReport(
    { reads, surveys: createSurveyReports(world.db), pointValue: 100, timezone: ZONE },
    outcome.period,
  );
  const inPeriod = raw.purchases.filter((p) => p.day >= '2026-02-10' && p.day <= '2026-03-20');
  const perBuyer = countBy(inPeriod.map((p) => p.memberId));
  expect(figures.purchases.value).toBe(inPeriod.length);
  expect(figures.revenue.value).toBe(inPeriod.reduce((sum, p) => sum + p.spend, 0));
  expect(figures.newMembers.value).toBe(
    raw.members.filter((m) => m.day >= '2026-02-10' && m.day <= '2026-03-20').length,
  );
  expect(figures.members.value).toBe(raw.members.filter((m) => m.day <= '2026-03-20').length);
  const buyers = perBuyer.size;
  const repeat = [...perBuyer.values()].filter((n) => n >= 2).length;
  expect(figures.repeatPurchaseRate.value).toBe(buyers === 0 ? null : Math.round((repeat / buyers) * 1000) / 10);

  const cohorts = await cohortReport(reads, { from: '2026-02', to: '2026-03' }, '2026-05');
  for (const cohort of cohorts) {
    const members = raw.members.filter((m) => m.month === cohort.joinMonth).map((m) => m.id);
    expect(cohort.members).toBe(members.length);
    for (const cell of cohort.months) {
      const bought = new Set(
        raw.purchases.filter((p) => p.month === cell.month && members.includes(p.memberId)).map((p) => p.memberId),
      );
      expect(cell.buyers).toBe(bought.size);
    }
  }

  const ltv = await ltvReport(reads, {
    months: { from: '2026-02', to: '2026-04' },
    groupBy: null,
    instants: outcome.period.instants,
  });
  const naive = naiveLtv(raw, '2026-02', '2026-04');
  expect(ltv.overall.members).toBe(naive.members);
  if (naive.members > 0) expect(Math.abs(ltv.overall.ltv! - naive.ltv)).toBeLessThanOrEqual(1);
}

type Raw = Awaited<ReturnType<typeof rawRows>>;

/** Members and purchases that are not refunded, with their programme-local days and months. */
async function rawRows(world: AnalyticsWorld) {
  const local = (at: Date) => DateTime.fromJSDate(at, { zone: ZONE });
  const members = (await world.db.prisma.member.findMany()).map((m) => ({
    id: m.id,
    day: local(m.createdAt).toISODate()!,
    month: local(m.createdAt).toFormat('yyyy-MM'),
  }));
  const purchases = (await world.db.prisma.purchase.findMany({ where: { refundedAt: null } })).map((p) => ({
    memberId: p.memberId,
    spend: p.paidAmount + p.redeemedAmount,
    day: local(p.createdAt).toISODate()!,
    month: local(p.createdAt).toFormat('yyyy-MM'),
  }));
  return { members, purchases };
}

function naiveLtv(raw: Raw, from: string, to: string): { members: number; ltv: number } {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  const lives = raw.members
    .filter((m) => m.month >= from && m.month <= to)
    .map((m) => raw.purchases.filter((p) => p.memberId === m.id))
    .filter((bought) => bought.length > 0)
    .map((bought) => {
      const months = bought.map((p) => index(p.month));
      const lifetime = Math.max(...months) - Math.min(...months) + 1;
      return { monthly: bought.reduce((sum, p) => sum + p.spend, 0) / lifetime, lifetime };
    });
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  if (lives.length === 0) return { members: 0, ltv: 0 };
  return {
    members: lives.length,
    ltv: Math.round(mean(lives.map((l) => l.monthly)) * mean(lives.map((l) => l.lifetime))),
  };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
