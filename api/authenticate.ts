import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { apiScopes, type ApiKeyStore, type ApiScope } from '../core/api/apiPorts.ts';
import { hashApiKey } from '../core/api/hashApiKey.ts';
import type { ApiKeyCache } from './apiKeyCache.ts';
import type { Access, ApiClient } from './apiRoute.ts';
import { ApiProblem } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the API's authentication hook before any API handler runs. */
    apiClient?: ApiClient;
  }
}

export interface AuthDeps {
  apiKeyStore: Pick<ApiKeyStore, 'touch'>;
  adminToken: { verify(presented: string): boolean };
  apiKeys: ApiKeyCache;
  clock: () => Date;
}

/** How often a key's "last used" time is written: often enough to spot a dead till, rarely enough to cost nothing. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The hook that runs before the body is even read: a missing, unknown or
 * revoked credential is a 401, an API key on an admin route a 403.
 */
export function authenticate(deps: AuthDeps): (access: Access) => onRequestAsyncHookHandler {
  const touched = new Map<string, number>();
  return (access) => async (request) => {
    const client = await identify(deps, bearerToken(request));
    const refusal = refusalFor(access, client);
    if (refusal) throw new ApiProblem('forbidden', refusal);
    if (client.kind === 'key') await touch(deps, touched, client.id);
    request.apiClient = client;
  };
}

function bearerToken(request: FastifyRequest): string {
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
  if (!match)
    throw new ApiProblem(
      'unauthorized',
      'Send "Authorization: Bearer <API key or admin token>"; an administrator creates API keys with POST /api/v1/api-keys.',
    );
  return match[1]!;
}

async function identify(deps: AuthDeps, token: string): Promise<ApiClient> {
  if (deps.adminToken.verify(token)) return { kind: 'admin', id: 'admin', scopes: apiScopes };
  const key = await deps.apiKeys.activeKey(hashApiKey(token));
  if (!key)
    throw new ApiProblem(
      'unauthorized',
      'This API key is unknown or was revoked; ask an administrator for a valid key.',
    );
  return { kind: 'key', id: key.id, scopes: key.scopes };
}

/** Why this caller may not call a route of this access, or null when they may. */
function refusalFor(access: Access, client: ApiClient): string | null {
  if (client.kind === 'admin') return null;
  if (access === 'admin')
    return 'This route manages the programme and its credentials; call it with the admin token, not an API key.';
  const has = (scope: ApiScope) => client.scopes.includes(scope);
  if (access === 'till' && !has('till'))
    return 'This key may only read (scope reports); till work needs a key with the till scope, created with POST /api/v1/api-keys.';
  if (access === 'read' && !has('till') && !has('reports'))
    return 'This key has neither the till nor the reports scope; an administrator can create one that has.';
  return null;
}

async function touch(deps: AuthDeps, touched: Map<string, number>, keyId: string): Promise<void> {
  const now = deps.clock();
  if (now.getTime() - (touched.get(keyId) ?? 0) < TOUCH_INTERVAL_MS) return;
  touched.set(keyId, now.getTime());
  await deps.apiKeyStore.touch(keyId, now);
}
