import type { DrawDeps } from '../core/contests/draws/runDraw.ts';
import type { Logger } from '../core/logger.ts';
import { createDrawStore } from '../core/storage/contests/createDrawStore.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import type { PrizeAwarding } from '../core/contests/prize.ts';

/** What running a draw is built from: its storage, the prize awarding, a clock. */
export function drawDepsOf(db: Database, awarding: PrizeAwarding, clock: () => Date, log: Logger): DrawDeps {
  return { draws: createDrawStore(db), awarding, clock, log };
}
