import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Seconds to wait before trying again when the request is over its limit, null when it may go on. */
export type RequestLimit = (request: FastifyRequest) => Promise<number | null>;

const MINUTE_MS = 60_000;

/**
 * A per-minute limit on requests that share a key (an API key, a web
 * visitor, an address), counted by @fastify/rate-limit's store, which
 * createHttpServer registers. The caller decides how to answer, so the API
 * can say it as problem details and the chat as a polite message. Counts
 * live in this process: several instances each allow the limit.
 */
export function requestLimit(
  server: FastifyInstance,
  name: string,
  perMinute: number,
  keyOf: (request: FastifyRequest) => string,
): RequestLimit {
  const check = server.createRateLimit({
    max: perMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: (request) => `${name}:${keyOf(request)}`,
  });
  return async (request) => {
    const outcome = await check(request);
    return !outcome.isAllowed && outcome.isExceeded ? Math.max(1, outcome.ttlInSeconds) : null;
  };
}
