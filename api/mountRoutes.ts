import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiClient, ApiRoute, SessionCookie } from './apiRoute.ts';
import type { ApiRateLimits } from './apiRateLimits.ts';
import type { AuthDeps } from './authenticate.ts';
import { authenticate, SESSION_COOKIE } from './authenticate.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { Answer, Idempotency } from './idempotency.ts';
import { ApiProblem, PROBLEM_CONTENT_TYPE } from './problem.ts';
import { validateRequest, validationProblem } from './validateRequest.ts';

export const API_PREFIX = '/api';

/**
 * Adds the routes to a scope registered under /api. Every request is
 * rate-limited and authenticated before its body is read, validated by the route's own
 * schemas, and every POST honours an Idempotency-Key.
 */
export function mountRoutes(
  scope: FastifyInstance,
  routes: ApiRoute[],
  deps: AuthDeps & { idempotency: Idempotency; limits: ApiRateLimits; secureCookie: boolean },
): void {
  const guard = authenticate(deps);
  // Read like JSON; which route takes which media type is checked per route (`bodyType`).
  scope.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    scope.getDefaultJsonParser('error', 'error'),
  );
  // Bytes (an uploaded picture) are taken as they come; a JSON route sent them is answered 415 by requireBodyType.
  const rawTypes = [...new Set(routes.flatMap((route) => route.rawBody?.types ?? []))];
  if (rawTypes.length > 0)
    scope.addContentTypeParser(rawTypes, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const { byAddress, byClient } = deps.limits;
  for (const route of routes) {
    scope.route({
      method: route.method,
      url: route.path.slice(API_PREFIX.length).replace(/\{(\w+)\}/g, ':$1'),
      ...(route.rawBody && { bodyLimit: route.rawBody.maxBytes }),
      onRequest: [byAddress, guard(route.access), byClient],
      handler: async (request, reply) =>
        send(reply, await answer(route, request, deps.idempotency, sessionCookieOn(reply, deps))),
    });
  }
}

async function answer(
  route: ApiRoute,
  request: FastifyRequest,
  idempotency: Idempotency,
  sessionCookie: SessionCookie,
): Promise<Answer> {
  const client = request.apiClient!;
  const key = idempotencyKey(route, request);
  requireBodyType(route, request);
  const input = validateRequest(route, request);
  const context = { client, sessionCookie, address: request.ip };
  const work = () =>
    run(route, request, { ...input, ...context, idempotency: key ? { client: client.id, key } : null });
  if (!key) return { ...(await work()), replayed: false };
  const body = route.rawBody ? hash(request.body as Buffer) : route.body ? canonicalJson(request.body) : '';
  const requestHash = hash(`${request.method} ${request.url}\n${body}`);
  return idempotency({ client: client.id, key, requestHash }, work);
}

/** Runs the handler; a problem it raises is an answer too, so it is stored and replayed like a success. */
async function run(
  route: ApiRoute,
  request: FastifyRequest,
  input: {
    body: unknown;
    query: unknown;
    params: unknown;
    client: ApiClient;
    sessionCookie: SessionCookie;
    address: string;
    idempotency: { client: string; key: string } | null;
  },
) {
  try {
    const result = await route.handle(input as Parameters<ApiRoute['handle']>[0]);
    const headers = result.headers && { headers: result.headers };
    if (result.raw) return { status: result.status, payload: '', kept: false, raw: result.raw, ...headers };
    return { status: result.status, payload: JSON.stringify(result.body), kept: result.replyKept === true, ...headers };
  } catch (error) {
    // A limit reached is no answer to keep: the same request is welcome again after Retry-After.
    if (!(error instanceof ApiProblem) || error.kind === 'rate-limited') throw error;
    return { status: error.status, payload: JSON.stringify(error.toBody(pathOf(request))) };
  }
}

function requireBodyType(route: ApiRoute, request: FastifyRequest): void {
  const expected = route.rawBody?.types ?? [route.bodyType ?? 'application/json'];
  const given = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (route.body && given !== '' && !expected.includes(given)) {
    throw new ApiProblem(
      'unsupported-media-type',
      `Send the body of ${route.method} ${route.path} as ${expected.join(' or ')}, not ${given}.`,
    );
  }
}

function idempotencyKey(route: ApiRoute, request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined || route.method !== 'POST') return null;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw validationProblem([
      {
        location: 'header',
        pointer: '/Idempotency-Key',
        detail: 'must be 1 to 255 visible ASCII characters, for example a UUID',
      },
    ]);
  }
  return value;
}

/** The console's session cookie, set by signing in and cleared by signing out. */
function sessionCookieOn(reply: FastifyReply, deps: { secureCookie: boolean; sessionIdleMs: number }): SessionCookie {
  const options = { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookie } as const;
  return {
    set: (token) => void reply.setCookie(SESSION_COOKIE, token, options),
    clear: () => void reply.clearCookie(SESSION_COOKIE, options),
  };
}

function send(reply: FastifyReply, result: Answer & { headers?: Record<string, string> }): FastifyReply {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  if (result.headers) void reply.headers(result.headers);
  // Bytes for the caller's eyes only: kept by its browser, by no shared cache (unless the route says otherwise).
  if (result.raw)
    return reply
      .code(result.status)
      .type(result.raw.type)
      .header('cache-control', result.headers?.['cache-control'] ?? 'private, max-age=3600')
      .send(Buffer.from(result.raw.bytes));
  const type = result.status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json';
  return reply.code(result.status).type(`${type}; charset=utf-8`).send(result.payload);
}

/** The path a problem's `instance` names; the query is left out, as it may carry a phone number. */
export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0]!;
}

function hash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
