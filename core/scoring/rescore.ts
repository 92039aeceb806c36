import type { Logger } from '../logger.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { backfillStageMonths } from './backfillStageMonths.ts';
import { customerStages, type CustomerStage } from './customerStage.ts';
import { scoreMembers } from './scoreMembers.ts';
import { scoringWindows } from './scoringCalendar.ts';
import type { MemberScore, ScoreStore } from './scoringPorts.ts';

export interface ScoringDeps {
  scores: ScoreStore;
  loadRules: () => Promise<ProgramRules>;
  settings: { timezone: string };
  log: Logger;
}

/**
 * Scores every member now and counts this month's stages for the trend
 * (and any of the months before it the trend lacks).
 * Safe to run on several instances at once: each writes the same scores
 * from the same rows, by upsert, so the last one to finish simply wins.
 */
export async function rescore(deps: ScoringDeps, now: Date): Promise<{ scored: number; day: string }> {
  const rules = await deps.loadRules();
  const windows = scoringWindows(now, deps.settings.timezone, rules);
  const scores = scoreMembers(await deps.scores.activity(windows), rules, windows, deps.settings.timezone);
  await deps.scores.writeScores(scores, windows.day);
  await deps.scores.writeStageMonth(windows.month, stageCounts(scores));
  await backfillStageMonths(deps, rules, now);
  await deps.scores.markScored(windows.day);
  return { scored: scores.length, day: windows.day };
}

function stageCounts(scores: readonly MemberScore[]): Record<CustomerStage, number> {
  const counts = Object.fromEntries(customerStages.map((stage) => [stage, 0])) as Record<CustomerStage, number>;
  for (const score of scores) counts[score.stage] += 1;
  return counts;
}
