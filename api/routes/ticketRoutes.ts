import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { idParams, timestamp } from '../fields.ts';
import { ApiProblem } from '../problem.ts';
import { validationProblem } from '../validateRequest.ts';
import {
  conversationSchema,
  conversationView,
  cursorAfter,
  listItemView,
  parseCursor,
  ticketSchema,
} from '../ticketView.ts';

const EXAMPLE_TICKET = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
/** How far back each poll looks again, so a change committed a moment after its time was taken is not missed. */
export const EVENTS_OVERLAP_MS = 5_000;
const EVENTS_LIMIT = 200;

const listQuery = z.strictObject({
  status: z.enum(['open', 'taken', 'resolved']).meta({
    description:
      'open and taken come oldest first (the longest wait on top); resolved the most recently resolved first.',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page.' }),
});

const eventsQuery = z.strictObject({
  since: timestamp.optional().meta({
    description: '`next` of the previous answer. Without it, no tickets: only where to start from.',
  }),
});

const photoParams = z.strictObject({ id: idParams.shape.id, messageId: idParams.shape.id });

/** The desk inbox's reads: the lists, a ticket's conversation, its photos, and what changed since a poll. */
export function ticketRoutes(deps: ApiDeps): ApiRoute[] {
  return [listRoute(deps), eventsRoute(deps), conversationRoute(deps), photoRoute(deps)];
}

const common = { tag: 'Desk', access: 'desk' } as const;

function listRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tickets',
    operationId: 'listTickets',
    query: listQuery,
    summary: 'Tickets open, taken or resolved, with how long each has waited',
    example: { query: { status: 'open', limit: '20' } },
    responses: {
      200: {
        description: 'One page of tickets.',
        schema: z.object({
          tickets: z.array(ticketSchema),
          nextCursor: z.string().nullable().meta({ description: 'For the next page; null on the last one.' }),
        }),
      },
    },
    problems: [],
    handle: async ({ query: { status, limit, cursor } }) => {
      const after = cursor === undefined ? undefined : parseCursor(cursor);
      if (after === null)
        throw validationProblem([
          { location: 'query', pointer: '/cursor', detail: 'is not a cursor this server gave; start without one' },
        ]);
      const tickets = await deps.deskInbox.list({ status, limit: limit + 1, ...(after && { after }) });
      const page = tickets.slice(0, limit);
      const nextCursor = tickets.length > limit ? cursorAfter(page.at(-1)!) : null;
      return { status: 200, body: { tickets: listItemView(page, deps.clock()), nextCursor } };
    },
  });
}

function eventsRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tickets/events',
    operationId: 'ticketChanges',
    query: eventsQuery,
    summary: 'Tickets changed since the last poll, so a page shows new tickets without a reload',
    description:
      'Poll every few seconds with `since` set to the `next` of the previous answer. Each ticket comes as it is now; ' +
      'the same ticket may come again in the next answer (polls overlap by a few seconds so that nothing is missed).',
    example: { query: { since: '2026-03-10T08:00:00.000Z' } },
    responses: {
      200: {
        description: 'What changed.',
        schema: z.object({
          tickets: z.array(ticketSchema),
          next: timestamp.meta({ description: 'Pass as `since` in the next poll.' }),
          more: z.boolean().meta({ description: 'More changed than one answer holds: reload the lists.' }),
        }),
      },
    },
    problems: [],
    handle: async ({ query: { since } }) => {
      const now = deps.clock();
      const next = new Date(now.getTime() - EVENTS_OVERLAP_MS).toISOString();
      const changed = since ? await deps.deskInbox.changedSince(new Date(since), EVENTS_LIMIT + 1) : [];
      const tickets = listItemView(changed.slice(0, EVENTS_LIMIT), now);
      return { status: 200, body: { tickets, next, more: changed.length > EVENTS_LIMIT } };
    },
  });
}

function conversationRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tickets/{id}',
    operationId: 'getTicket',
    params: idParams,
    summary: "A ticket's conversation: the customer's messages and photos, staff replies and internal notes",
    example: { params: { id: EXAMPLE_TICKET } },
    responses: { 200: { description: 'The ticket as it is now.', schema: conversationSchema } },
    problems: ['ticket-not-found'],
    handle: async ({ params }) => {
      const conversation = await deps.deskInbox.conversation(params.id);
      if (!conversation) throw ticketNotFound(params.id);
      return { status: 200, body: conversationView(conversation, deps.clock(), deps.deskInbox.showPhone) };
    },
  });
}

function photoRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tickets/{id}/photos/{messageId}',
    operationId: 'getTicketPhoto',
    params: photoParams,
    summary: 'A photo the customer sent, fetched from their messenger',
    description: 'The `photoUrl` of a message in GET /api/v1/tickets/{id}.',
    example: { params: { id: EXAMPLE_TICKET, messageId: '1e2d3c4b-5a69-4877-8695-a4b3c2d1e0f9' } },
    responses: {
      200: {
        description: 'The picture (JPEG, PNG or WebP, as the customer sent it).',
        schema: z.string().meta({ contentMediaType: 'image/*' }),
        mediaType: 'image/*',
      },
    },
    problems: ['ticket-not-found', 'photo-not-found', 'photo-unavailable'],
    handle: async ({ params }) => {
      const photo = await deps.deskInbox.photo(params.id, params.messageId);
      if (photo === 'missing')
        throw new ApiProblem(
          'photo-not-found',
          `Ticket ${params.id} has no photo ${params.messageId}; the photoUrl of its messages names them.`,
        );
      if (photo === 'unavailable')
        throw new ApiProblem(
          'photo-unavailable',
          "The customer's messenger did not give the photo (or that channel is not configured here); try again later.",
        );
      return { status: 200, body: null, raw: { type: photo.type, bytes: photo.bytes } };
    },
  });
}

export function ticketNotFound(id: string): ApiProblem {
  return new ApiProblem('ticket-not-found', `There is no ticket ${id}; GET /api/v1/tickets lists them.`);
}
