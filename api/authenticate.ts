import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { SessionStore } from '../core/accounts/accountsPorts.ts';
import { mayRole, type Permission } from '../core/accounts/roles.ts';
import { sessionIdFor } from '../core/accounts/signIn.ts';
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

/** The console's session cookie: HttpOnly, SameSite=Strict, Secure behind https. */
export const SESSION_COOKIE = 'loyalty_session';

export interface AuthDeps {
  apiKeyStore: Pick<ApiKeyStore, 'touch'>;
  adminToken: { verify(presented: string): boolean };
  apiKeys: ApiKeyCache;
  sessions: Pick<SessionStore, 'use'>;
  /** A console session ends after this long without a request. */
  sessionIdleMs: number;
  clock: () => Date;
}

/** How often a key's "last used" time is written: often enough to spot a dead till, rarely enough to cost nothing. */
const TOUCH_INTERVAL_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What each API key scope grants; `any-refund` widens refunds and grants no route of its own. */
const scopeGrants: Record<ApiScope, readonly Permission[]> = {
  till: ['till', 'read'],
  reports: ['read', 'reports'],
  'any-refund': [],
};

/**
 * The hook that runs before the body is even read. A bearer credential (the
 * admin token or an API key) or the console's session cookie identifies the
 * caller; a change made with a session must carry its CSRF token. A missing,
 * unknown or revoked credential is a 401, a lacking permission a 403.
 */
export function authenticate(deps: AuthDeps): (access: Access) => onRequestAsyncHookHandler {
  const touched = new Map<string, number>();
  return (access) => async (request) => {
    if (access === 'public') {
      request.apiClient = { kind: 'anonymous', id: request.ip, scopes: [] };
      return;
    }
    const client = await identify(deps, request);
    const refusal = refusalFor(access, client);
    if (refusal) throw new ApiProblem('forbidden', refusal);
    if (client.kind === 'key') await touch(deps, touched, client.id);
    request.apiClient = client;
  };
}

async function identify(deps: AuthDeps, request: FastifyRequest): Promise<ApiClient> {
  const header = request.headers.authorization;
  if (header !== undefined) return bearerClient(deps, bearerToken(header));
  const token = request.cookies?.[SESSION_COOKIE];
  if (token) return sessionClient(deps, request, token);
  throw new ApiProblem(
    'unauthorized',
    'Send "Authorization: Bearer <API key or admin token>", or sign in to the console; an administrator creates API keys with POST /api/v1/api-keys.',
  );
}

function bearerToken(header: string): string {
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match)
    throw new ApiProblem(
      'unauthorized',
      'Send "Authorization: Bearer <API key or admin token>"; an administrator creates API keys with POST /api/v1/api-keys.',
    );
  return match[1]!;
}

async function bearerClient(deps: AuthDeps, token: string): Promise<ApiClient> {
  if (deps.adminToken.verify(token)) return { kind: 'admin', id: 'admin', scopes: apiScopes };
  const key = await deps.apiKeys.activeKey(hashApiKey(token));
  if (!key)
    throw new ApiProblem(
      'unauthorized',
      'This API key is unknown or was revoked; ask an administrator for a valid key.',
    );
  return { kind: 'key', id: key.id, scopes: key.scopes };
}

async function sessionClient(deps: AuthDeps, request: FastifyRequest, token: string): Promise<ApiClient> {
  const sessionId = sessionIdFor(token);
  const session = await deps.sessions.use(sessionId, deps.clock(), deps.sessionIdleMs);
  if (!session) throw new ApiProblem('unauthorized', 'Your console session has ended; sign in again.');
  if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], session.csrfToken))
    throw new ApiProblem(
      'forbidden',
      'A change made with a console session must carry its X-CSRF-Token (GET /api/v1/session gives it); nothing changed.',
    );
  const { account, csrfToken } = session;
  return { kind: 'account', id: account.id, scopes: [], account, sessionId, csrfToken };
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Why this caller may not call a route of this access, or null when they may. */
function refusalFor(access: Exclude<Access, 'public'>, client: ApiClient): string | null {
  if (client.kind === 'admin') return null;
  if (access === 'session')
    return client.kind === 'account' ? null : 'This route is for people signed in to the console, not API keys.';
  if (client.kind === 'account')
    return mayRole(client.account.role, access)
      ? null
      : `Your role (${client.account.role}) does not allow this; the owner can change roles under Accounts.`;
  if (client.kind !== 'key') return 'Sign in first.';
  if (client.scopes.some((scope) => scopeGrants[scope].includes(access))) return null;
  if (access === 'admin' || access === 'program')
    return 'This route manages the programme and its credentials; call it with the admin token, not an API key.';
  if (access === 'till')
    return 'This key may only read (scope reports); till work needs a key with the till scope, created with POST /api/v1/api-keys.';
  return `This key's scopes (${client.scopes.join(', ')}) do not allow this route; an administrator can create a key that has.`;
}

async function touch(deps: AuthDeps, touched: Map<string, number>, keyId: string): Promise<void> {
  const now = deps.clock();
  if (now.getTime() - (touched.get(keyId) ?? 0) < TOUCH_INTERVAL_MS) return;
  touched.set(keyId, now.getTime());
  await deps.apiKeyStore.touch(keyId, now);
}
