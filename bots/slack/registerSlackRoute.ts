import type { FastifyInstance } from 'fastify';
import { SLACK_EVENTS_PATH, type SlackDesk } from './createSlackDesk.ts';

/**
 * Mounts Bolt's receiver on our HTTP server at /slack/events. The route
 * lives in a scope of its own whose body parser leaves the request stream
 * unread: Bolt must see the raw bytes to check Slack's signature.
 */
export async function registerSlackRoute(server: FastifyInstance, slack: SlackDesk): Promise<void> {
  await server.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.post(SLACK_EVENTS_PATH, (request, reply) => {
      reply.hijack();
      slack.requestListener(request.raw, reply.raw);
    });
  });
}
