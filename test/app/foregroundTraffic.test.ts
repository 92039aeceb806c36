// Background work learns from the HTTP server when people are being answered,
// and a campaign's fan-out takes smaller batches then (campaignFanOut.test.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../../app/httpServer.ts';
import { createLogger } from '../../app/logger.ts';
import { lastForegroundRequestAt, servingRecently } from '../../core/jobs/foregroundTraffic.ts';

let server: FastifyInstance;
beforeAll(async () => {
  server = createHttpServer({
    log: createLogger('silent'),
    ping: async () => {},
    trustProxy: false,
    frameAncestors: [],
    secure: false,
  });
  server.post('/webchat/press', async () => ({ ok: true }));
  await server.ready();
});
afterAll(async () => {
  await server.close();
});

it('counts a person’s request as foreground traffic', async () => {
  const before = lastForegroundRequestAt();
  await server.inject({ method: 'POST', url: '/webchat/press?visitor=1', payload: {} });
  expect(lastForegroundRequestAt()).toBeGreaterThan(before);
  expect(servingRecently()).toBe(true);
});

it('does not count a load balancer’s health checks or a metrics scrape', async () => {
  const before = lastForegroundRequestAt();
  for (const url of ['/healthz', '/readyz', '/metrics', '/readyz?full=1']) await server.inject({ method: 'GET', url });
  expect(lastForegroundRequestAt()).toBe(before);
});
