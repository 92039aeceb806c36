import type { ApiKeyStore } from '../../api/apiPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { createApiKey, findActiveApiKey, listApiKeys, revokeApiKey, touchApiKey } from './apiKeys.ts';

/** The API's `ApiKeyStore` on Prisma. */
export function createApiKeyStore(db: Database): ApiKeyStore {
  return {
    create: (name, scopes, at) => createApiKey(db, name, scopes, at),
    findActive: (keyHash) => findActiveApiKey(db, keyHash),
    revoke: (id, at) => revokeApiKey(db, id, at),
    list: () => listApiKeys(db),
    touch: (id, at) => touchApiKey(db, id, at),
  };
}
