import { timingSafeEqual, createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';

export interface MetricsServing {
  /** METRICS_TOKEN: /metrics on the main server, for requests bearing it. */
  token?: string | undefined;
  /** METRICS_PORT: /metrics without a token on a server of its own, on 127.0.0.1 only. */
  port?: number | undefined;
}

export interface ServedMetrics {
  /** Where the loopback metrics server listens, when METRICS_PORT is set. */
  loopbackUrl: string | null;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` the ways the configuration allows: behind a bearer
 * token on the main port, and/or open on a loopback-only port (which nothing
 * off the machine can reach, so it needs no token). With neither, /metrics
 * does not exist and the main server answers it 404 like any unknown path:
 * the figures (traffic, queue sizes) are nobody's business by default.
 */
export async function serveMetrics(
  server: FastifyInstance,
  registry: Registry,
  serving: MetricsServing,
): Promise<ServedMetrics> {
  if (serving.token) {
    const matches = tokenMatcher(serving.token);
    server.get('/metrics', async (request, reply) => {
      if (!matches(bearerOf(request))) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .send({ error: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.' });
      }
      return scrape(registry, reply);
    });
  }
  if (serving.port === undefined) return { loopbackUrl: null, close: async () => {} };
  const loopback = Fastify({ logger: false });
  loopback.get('/metrics', (_request, reply) => scrape(registry, reply));
  const url = await loopback.listen({ port: serving.port, host: '127.0.0.1' });
  return { loopbackUrl: url, close: () => loopback.close() };
}

async function scrape(registry: Registry, reply: FastifyReply): Promise<string> {
  const text = await registry.metrics();
  void reply.header('content-type', registry.contentType).header('cache-control', 'no-store');
  return text;
}

function bearerOf(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
}

/** Compares hashes in constant time, so the answer's timing does not tell how much of a guess was right. */
function tokenMatcher(token: string): (presented: string) => boolean {
  const expected = sha256(token);
  return (presented) => timingSafeEqual(sha256(presented), expected);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
