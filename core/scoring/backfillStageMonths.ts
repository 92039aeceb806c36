import { DateTime } from 'luxon';
import type { ProgramRules } from '../program/programRules.ts';
import { customerStage, customerStages, type CustomerStage } from './customerStage.ts';
import type { ScoringDeps } from './rescore.ts';
import { scoringWindows } from './scoringCalendar.ts';

/** The months before this one that the stage trend shows from the first run on. */
export const TREND_MONTHS_BACK = 11;

/**
 * Counts the stages of each of the last months the trend has no count for
 * (a new install, a month the job never ran in), from the rows as they stood
 * at that month's end, so the trend is whole from the first run on. Purchases
 * refunded since count nowhere, as in every other figure.
 */
export async function backfillStageMonths(deps: ScoringDeps, rules: ProgramRules, now: Date): Promise<number> {
  const thisMonth = DateTime.fromJSDate(now, { zone: deps.settings.timezone }).startOf('month');
  const months = Array.from({ length: TREND_MONTHS_BACK }, (_, i) => thisMonth.minus({ months: i + 1 }));
  const missing = new Set(await deps.scores.uncountedMonths(months.map((month) => month.toFormat('yyyy-MM'))));
  let counted = 0;
  for (const month of months.filter((m) => missing.has(m.toFormat('yyyy-MM')))) {
    const windows = scoringWindows(month.plus({ months: 1 }).toJSDate(), deps.settings.timezone, rules);
    const counts = Object.fromEntries(customerStages.map((stage) => [stage, 0])) as Record<CustomerStage, number>;
    for (const activity of await deps.scores.activity(windows)) counts[customerStage(activity, rules)] += 1;
    await deps.scores.writeStageMonth(month.toFormat('yyyy-MM'), counts);
    counted += 1;
  }
  return counted;
}
