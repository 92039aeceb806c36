import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Pino } from './logger.ts';
import { noteForegroundRequest } from '../core/jobs/foregroundTraffic.ts';

/** Asked for by load balancers and monitoring every few seconds, not by people (core/jobs/foregroundTraffic.ts). */
const MACHINE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export interface HttpServerOptions {
  log: Pino;
  /** Throws when the database does not answer. */
  ping: () => Promise<void>;
  /** Whose forwarding headers to believe (TRUST_PROXY); false believes none, so `request.ip` is the peer. */
  trustProxy: boolean | number | string;
  /** Sites allowed to frame our pages (WEBCHAT_FRAME_ANCESTORS). */
  frameAncestors: string[];
  /** Served over HTTPS (PUBLIC_URL is https): browsers are told to keep using it. */
  secure: boolean;
  /** How a part answers, under its path prefix, a URL the router refuses before any route is found; elsewhere Fastify answers as it always has. */
  routerRefusals?: Record<string, RouterRefusal>;
}

/** Answers a URL refused before routing: a path parameter over the router's 100 characters (414), or bad percent-encoding (400). */
export type RouterRefusal = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;

/**
 * The one HTTP server: webhooks, web chat, health checks (and later the REST
 * API and admin pages). Adapters add their own routes to it.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const server = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    // Webhook traffic is high-volume; outcomes worth knowing are logged by the handlers.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(options.trustProxy),
    frameworkErrors: (error, request, reply) => refuseUrl(options.routerRefusals ?? {}, error, request, reply),
  });
  void server.register(helmet, securityHeaders(options));
  // No limit of its own: parts create the limits they need (api/, bots/web/) with createRateLimit.
  void server.register(rateLimit, { global: false, cache: 20_000 });
  server.addHook('onRequest', async (request) => {
    if (!MACHINE_PATHS.has(request.url.split('?', 1)[0]!)) noteForegroundRequest();
  });
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

/** The part that owns the path answers; elsewhere the error takes Fastify's default answer, which it gave before. */
function refuseUrl(
  parts: Record<string, RouterRefusal>,
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const part = Object.entries(parts).find(([prefix]) => request.url.startsWith(prefix));
  if (part) part[1](error, request, reply);
  else void reply.send(error);
}

/** A hop count becomes the function Fastify's types accept: trust the first `hops` proxies in front of us. */
function trustProxyOption(
  trust: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/**
 * The headers every response carries. The CSP is the web chat page's own
 * (scripts and styles from this server only, images inline or over https),
 * sent as a header because `frame-ancestors` is ignored in a page's <meta>.
 */
function securityHeaders(options: HttpServerOptions) {
  const framable = !(options.frameAncestors.length === 1 && options.frameAncestors[0] === "'none'");
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Quiz pictures live on the marketer's own sites, over https only.
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: options.frameAncestors,
      },
    },
    referrerPolicy: { policy: 'no-referrer' as const },
    // Older browsers know only X-Frame-Options, which cannot name other sites: it is sent only when nobody may frame us.
    xFrameOptions: framable ? false : { action: 'deny' as const },
    strictTransportSecurity: options.secure,
  };
}
