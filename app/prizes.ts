import { createPrizeAwarding, type PrizeAwardingDeps } from '../core/contests/createPrizeAwarding.ts';
import type { PrizeAwarding } from '../core/contests/prize.ts';
import type { PrizeStore } from '../core/contests/prizePorts.ts';
import { createPrizeStore } from '../core/storage/contests/createPrizeStore.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';

/** Prizes of draws and contests: the codes' storage, and the awarding both capabilities call. */
export interface Prizes {
  store: PrizeStore;
  awarding: PrizeAwarding;
}

export function prizesOf(db: Database, deps: Omit<PrizeAwardingDeps, 'prizes'>): Prizes {
  const store = createPrizeStore(db);
  return { store, awarding: createPrizeAwarding({ ...deps, prizes: store }) };
}
