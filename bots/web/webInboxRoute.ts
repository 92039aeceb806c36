import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Outbound } from '../../core/outbound.ts';
import { renderWebChatReply } from './renderWebChatReply.ts';

/** Messages delivered to a visitor, oldest first: those sent after `after`, or the latest ones without it. */
export type WebInbox = (
  visitor: string,
  after: Date | undefined,
) => Promise<{ id: string; sentAt: Date; message: Outbound }[]>;

/**
 * A message marked sent can become visible a little after one marked later
 * (two instances, clocks a little apart, commits in another order). The page
 * is sent everything from this long before its cursor and keeps each message
 * once, by id, so none is ever skipped.
 */
const OVERLAP_MS = 30_000;

const query = {
  type: 'object',
  properties: { after: { type: 'integer', minimum: 0 } },
  additionalProperties: false,
} as const;

/**
 * `GET /webchat/inbox?after=<cursor>`: what the shop sent the visitor on its
 * own (a purchase confirmation…), for the page to poll. The cursor is the
 * server's time of the newest message the page has; a visitor without a
 * cookie has no messages and is not given a cookie here.
 */
export function registerWebInbox(
  server: FastifyInstance,
  inbox: WebInbox,
  visitorOf: (request: FastifyRequest) => string | undefined,
): void {
  server.get<{ Querystring: { after?: number } }>(
    '/webchat/inbox',
    { schema: { querystring: query } },
    async (request) => {
      const after = request.query.after;
      const visitor = visitorOf(request);
      const entries = visitor
        ? await inbox(visitor, after === undefined ? undefined : new Date(Math.max(0, after - OVERLAP_MS)))
        : [];
      const cursor = entries.reduce((newest, entry) => Math.max(newest, entry.sentAt.getTime()), after ?? 0);
      return { messages: entries.map((entry) => ({ id: entry.id, ...renderWebChatReply(entry.message) })), cursor };
    },
  );
}
