import type { IdempotencyStore } from '../../api/apiPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import {
  claimIdempotencyKey,
  completeIdempotentRequest,
  dropAbandonedClaim,
  findIdempotentRequest,
  purgeIdempotentRequests,
  releaseIdempotencyKey,
} from './idempotency.ts';

/** The API's `IdempotencyStore` on Prisma. */
export function createIdempotencyStore(db: Database): IdempotencyStore {
  return {
    claim: (claim) => claimIdempotencyKey(db, claim),
    find: (client, key) => findIdempotentRequest(db, client, key),
    complete: (claim, response) => completeIdempotentRequest(db, claim, response),
    release: (client, key) => releaseIdempotencyKey(db, client, key),
    dropAbandoned: (client, key, claimedAt) => dropAbandonedClaim(db, client, key, claimedAt),
    purge: (before) => purgeIdempotentRequests(db, before),
  };
}
