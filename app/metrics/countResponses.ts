import type { FastifyInstance } from 'fastify';
import type { Metrics } from './createMetrics.ts';

/**
 * Counts every response by route pattern (`/api/v1/members/:id`, never the
 * path itself: ids would make a series per member) and status, for the
 * 5xx-rate alert. Paths no route matched share one label.
 */
export function countResponses(server: FastifyInstance, metrics: Metrics): void {
  server.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpResponses.inc({ route, status: String(reply.statusCode) });
  });
}
