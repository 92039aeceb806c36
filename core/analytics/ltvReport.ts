import type { AnalyticsReads, EffectSides, InstantRange, LifetimeSums, LtvGroupBy } from './analyticsPorts.ts';
import { averageCheck, lifetimeValue, purchaseFrequency } from './figures.ts';
import { DAY_MS } from '../program/days.ts';

/** Lifetime value of one group of members. */
export interface LtvRow {
  key: string | null;
  members: number;
  /** Minor units a month, on average over the members. */
  averageMonthlySpend: number | null;
  averageLifetimeMonths: number | null;
  ltv: number | null;
}

/** The programme's effect: the same members' average check and purchase frequency before and after they joined. */
export interface ProgramEffect {
  members: number;
  before: { averageCheck: number | null; frequency: number | null };
  after: { averageCheck: number | null; frequency: number | null };
}

export interface LtvReport {
  overall: LtvRow;
  groups: LtvRow[];
  effect: ProgramEffect;
}

/** Lifetime value of the members who joined in the months, overall and per group, with the programme's effect over the period. */
export async function ltvReport(
  reads: AnalyticsReads,
  query: { months: { from: string; to: string }; groupBy: LtvGroupBy | null; instants: InstantRange },
): Promise<LtvReport> {
  const [overall, groups, sides] = await Promise.all([
    reads.lifetimes(query.months, null),
    query.groupBy ? reads.lifetimes(query.months, query.groupBy) : Promise.resolve([]),
    reads.effectSides(query.instants),
  ]);
  return {
    overall: ltvRow(overall[0] ?? { key: null, members: 0, monthlySpendSum: 0, lifetimeMonthsSum: 0 }),
    groups: groups.map(ltvRow).sort((a, b) => String(a.key).localeCompare(String(b.key))),
    effect: programEffect(sides, query.instants.to),
  };
}

function ltvRow(sums: LifetimeSums): LtvRow {
  if (sums.members === 0)
    return { key: sums.key, members: 0, averageMonthlySpend: null, averageLifetimeMonths: null, ltv: null };
  const averageMonthlySpend = sums.monthlySpendSum / sums.members;
  const averageLifetimeMonths = sums.lifetimeMonthsSum / sums.members;
  return {
    key: sums.key,
    members: sums.members,
    averageMonthlySpend: Math.round(averageMonthlySpend),
    averageLifetimeMonths: Math.round(averageLifetimeMonths * 10) / 10,
    ltv: lifetimeValue(averageMonthlySpend, averageLifetimeMonths),
  };
}

/**
 * Pooled over the members: before joining, their purchases from the first
 * one to the day they joined; after, from joining to the period's end.
 */
export function programEffect(sides: readonly EffectSides[], end: Date): ProgramEffect {
  const month = 30 * DAY_MS;
  let beforeMonths = 0;
  let afterMonths = 0;
  const before = { purchases: 0, spend: 0 };
  const after = { purchases: 0, spend: 0 };
  for (const side of sides) {
    beforeMonths += Math.max(side.joinedAt.getTime() - side.firstPurchaseAt.getTime(), DAY_MS) / month;
    afterMonths += Math.max(end.getTime() - side.joinedAt.getTime(), DAY_MS) / month;
    before.purchases += side.before.purchases;
    before.spend += side.before.spend;
    after.purchases += side.after.purchases;
    after.spend += side.after.spend;
  }
  return {
    members: sides.length,
    before: {
      averageCheck: averageCheck(before.spend, before.purchases),
      frequency: purchaseFrequency(before.purchases, beforeMonths),
    },
    after: {
      averageCheck: averageCheck(after.spend, after.purchases),
      frequency: purchaseFrequency(after.purchases, afterMonths),
    },
  };
}
