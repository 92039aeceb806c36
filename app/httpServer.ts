import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Pino } from './logger.ts';

export interface HttpServerOptions {
  log: Pino;
  /** Throws when the database does not answer. */
  ping: () => Promise<void>;
}

/**
 * The one HTTP server: webhooks, web chat, health checks (and later the REST
 * API and admin pages). Adapters add their own routes to it.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const server = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    // Webhook traffic is high-volume; outcomes worth knowing are logged by the handlers.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024, trustProxy: true });
  server.get('/healthz', async () => ({ status: 'ok' }));
  server.get('/readyz', async (_request, reply) => {
    try {
      await options.ping();
      return { status: 'ready' };
    } catch (error) {
      options.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
  server.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error, url: request.url }, 'request failed');
    else request.log.warn({ url: request.url, status, reason: error.message }, 'request refused');
    void reply.code(status).send({ error: status >= 500 ? 'Internal error; it has been logged.' : error.message });
  });
  return server;
}
