import type { ScheduledJob } from '../../jobs/jobsPorts.ts';
import { lapseUnclaimed } from './lapseUnclaimed.ts';
import { awardPrizes, runDraw, type DrawDeps } from './runDraw.ts';

/**
 * Draws run at their `drawAt` by themselves, unless a beacon source was
 * announced: then the draw waits for POST /api/v1/draws/{id}/run with the
 * beacon's value, which only a person (or their script) can read. A draw
 * drawn but not yet awarded (a run cut short) is awarded by the next tick,
 * and prize codes unredeemed past the draw's claim period pass to the next entry.
 * `depsAt` gives the deps whose clock reads the run's `now`.
 */
export function drawsJobs(depsAt: (now: Date) => DrawDeps): ScheduledJob[] {
  return [
    {
      name: 'draws',
      run: async (now) => {
        const deps = depsAt(now);
        const { toRun, toAward } = await deps.draws.due(now);
        let drawn = 0;
        for (const id of toRun) if ((await runDraw(deps, id, undefined)).kind === 'drawn') drawn += 1;
        for (const id of toAward) await awardPrizes(deps, id);
        const lapsed = await lapseUnclaimed(deps, now);
        return { drawn, awarded: toAward.length, lapsed };
      },
    },
  ];
}
