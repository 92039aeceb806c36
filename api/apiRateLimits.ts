import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLimit, type RequestLimit } from '../app/requestLimit.ts';
import { ApiProblem } from './problem.ts';

/** Hooks that refuse a request over its limit with 429, Retry-After and problem details. */
export interface ApiRateLimits {
  /** Before authentication: per address, so a flood of bad credentials is stopped too. */
  byAddress(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** After authentication: per API key (or the admin token), wherever its requests come from. */
  byClient(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

export function apiRateLimits(scope: FastifyInstance, limits: { perKey: number; perAddress: number }): ApiRateLimits {
  const address = requestLimit(scope, 'api-address', limits.perAddress, (request) => request.ip);
  const client = requestLimit(
    scope,
    'api-client',
    limits.perKey,
    (request) => request.apiClient?.id ?? `address:${request.ip}`,
  );
  return {
    byAddress: (request, reply) => refuseOver(address, request, reply, 'from this address'),
    byClient: (request, reply) =>
      refuseOver(
        client,
        request,
        reply,
        request.apiClient?.kind === 'admin' ? 'with the admin token' : 'with this API key',
      ),
  };
}

async function refuseOver(
  limit: RequestLimit,
  request: FastifyRequest,
  reply: FastifyReply,
  whose: string,
): Promise<void> {
  const wait = await limit(request);
  if (wait === null) return;
  void reply.header('retry-after', String(wait));
  throw new ApiProblem(
    'rate-limited',
    `Too many requests ${whose} in the last minute; wait ${wait} s (the Retry-After header) and send it again.`,
    { retryAfter: wait },
  );
}
