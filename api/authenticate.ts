import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ApiKeyStore } from '../core/api/apiPorts.ts';
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
    if (access === 'admin' && client.kind !== 'admin') {
      throw new ApiProblem(
        'forbidden',
        'This route manages the programme and its credentials; call it with the admin token, not an API key.',
      );
    }
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
  if (deps.adminToken.verify(token)) return { kind: 'admin', id: 'admin' };
  const keyId = await deps.apiKeys.activeKeyId(hashApiKey(token));
  if (!keyId)
    throw new ApiProblem(
      'unauthorized',
      'This API key is unknown or was revoked; ask an administrator for a valid key.',
    );
  return { kind: 'key', id: keyId };
}

async function touch(deps: AuthDeps, touched: Map<string, number>, keyId: string): Promise<void> {
  const now = deps.clock();
  if (now.getTime() - (touched.get(keyId) ?? 0) < TOUCH_INTERVAL_MS) return;
  touched.set(keyId, now.getTime());
  await deps.apiKeyStore.touch(keyId, now);
}
