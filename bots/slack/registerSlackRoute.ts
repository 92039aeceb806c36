import type { FastifyInstance, FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { SLACK_BODY_LIMIT, SLACK_EVENTS_PATH, type SlackDesk } from './createSlackDesk.ts';

/**
 * Mounts Bolt's receiver on our HTTP server at /slack/events. The body is
 * read here, at most SLACK_BODY_LIMIT bytes (413 beyond, before a byte past
 * the limit is waited for), then the signature, its age in both directions
 * and replays are checked (401, nothing happens). Only then does Bolt see
 * the request, with the bytes already read, and check the signature again.
 */
export async function registerSlackRoute(server: FastifyInstance, slack: SlackDesk): Promise<void> {
  await server.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: SLACK_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error: { statusCode?: number }, _request, reply) =>
      refuse(reply, error.statusCode === 413 ? 413 : 400),
    );
    scope.post(SLACK_EVENTS_PATH, (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const refusal = isSslCheck(request.raw, rawBody) ? null : slack.verifier.verify(request.headers, rawBody);
      if (refusal) {
        request.log.warn(
          { source: 'slack', reason: refusal },
          'slack: refused a request that is not verifiably Slack’s, or not new',
        );
        return refuse(reply, 401);
      }
      // Bolt reads `rawBody` when it is there instead of the (already read) stream.
      Object.assign(request.raw, { rawBody });
      reply.hijack();
      slack.requestListener(request.raw, reply.raw);
    });
  });
}

/** A bare status, as Bolt answers; a refused body is not waited for, so the connection is closed after it. */
function refuse(reply: FastifyReply, status: 400 | 401 | 413): FastifyReply {
  if (status === 413) void reply.header('connection', 'close');
  return reply.code(status).send();
}

/**
 * Slack's periodic `ssl_check=1` carries no signature; Bolt answers it with
 * 200 and strips anything else from it, so it can cause nothing.
 */
function isSslCheck(request: IncomingMessage, rawBody: Buffer): boolean {
  if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') return false;
  return parseForm(rawBody.toString()).ssl_check === '1';
}
