import { scoreRefresh, type ScoreRefresh } from '../core/scoring/refreshScores.ts';
import type { ScoringDeps } from '../core/scoring/rescore.ts';
import type { ScoreReads } from '../core/scoring/scoringPorts.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createScoreReads } from '../core/storage/scoring/createScoreReads.ts';
import { createScoreStore } from '../core/storage/scoring/createScoreStore.ts';

/** What the REST API needs of scoring: the reports' reads and a run on demand. */
export function scoresApiOf(
  db: Database,
  deps: Omit<ScoringDeps, 'scores'> & { clock: () => Date },
): { reads: ScoreReads; refresh: ScoreRefresh } {
  return {
    reads: createScoreReads(db),
    refresh: scoreRefresh({ ...deps, scores: createScoreStore(db) }, deps.clock),
  };
}
