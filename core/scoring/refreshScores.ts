import { rescore, type ScoringDeps } from './rescore.ts';

/** Scoring on demand (the console's "Recompute now"): one run at a time per instance. */
export interface ScoreRefresh {
  /** Starts a run in the background; false when one is already under way here. */
  start(): boolean;
  /** Resolves when the run under way (if any) has ended. */
  settled(): Promise<void>;
}

export function scoreRefresh(deps: ScoringDeps, clock: () => Date): ScoreRefresh {
  let running: Promise<void> | null = null;
  return {
    start: () => {
      if (running) return false;
      running = rescore(deps, clock())
        .then(() => undefined)
        // Logged, never thrown: nobody awaits a background run; the next daily run scores anyway.
        .catch((error: unknown) => deps.log.error({ err: error }, 'scoring on demand failed'))
        .finally(() => {
          running = null;
        });
      return true;
    },
    settled: async () => {
      await running;
    },
  };
}
