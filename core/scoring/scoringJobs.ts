import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import { scoringWindows } from './scoringCalendar.ts';
import { rescore, type ScoringDeps } from './rescore.ts';

/**
 * The daily scoring: the first run of each programme-local day claims that
 * day (a conditional update), so of several instances one scores and the
 * others, and every later run that day, skip it; a failed run gives the
 * day back so the next tick tries again.
 */
export function scoringJobs(deps: ScoringDeps): ScheduledJob[] {
  return [
    {
      name: 'scoring-daily',
      run: async (now) => {
        const rules = await deps.loadRules();
        const { day } = scoringWindows(now, deps.settings.timezone, rules);
        if (!(await deps.scores.claimDay(day))) return { scored: 0 };
        try {
          return { scored: (await rescore(deps, now)).scored };
        } catch (error) {
          await deps.scores.releaseDay(day);
          throw error;
        }
      },
    },
  ];
}
