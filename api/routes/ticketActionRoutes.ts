import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiClient, type ApiRoute } from '../apiRoute.ts';
import { idParams } from '../fields.ts';
import { ApiProblem } from '../problem.ts';
import { conversationSchema, conversationView } from '../ticketView.ts';
import { ticketNotFound } from './ticketRoutes.ts';
import { ticketReference } from '../../core/desk/ticketReference.ts';

const EXAMPLE = { params: { id: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' } };

const replyBody = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .meta({ description: 'The words for the customer (or for staff, as a note).' }),
  note: z
    .boolean()
    .default(false)
    .meta({ description: 'Internal: stays with staff. A text starting with "note:" is a note too, as in Slack.' }),
});

/**
 * The desk inbox's actions, the Slack desk's own: a reply reaches the customer
 * through the outbox in their language, a note stays internal, Take and
 * Resolve as the buttons do (Resolve asks the customer to rate the help).
 * With Slack connected, its thread shows them. Each one is audited.
 */
export function ticketActionRoutes(deps: ApiDeps): ApiRoute[] {
  return [replyRoute(deps), takeRoute(deps), resolveRoute(deps)];
}

const common = { tag: 'Desk', access: 'desk', params: idParams, example: EXAMPLE } as const;
const answered = { description: 'The ticket as it is now.', schema: conversationSchema };

function replyRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/tickets/{id}/replies',
    operationId: 'replyToTicket',
    body: replyBody,
    summary: 'Answer the customer (or add an internal note)',
    example: { ...EXAMPLE, body: { text: 'We are sorry! The coffee is on us next time.', note: false } },
    responses: { 201: { ...answered, description: 'Written; a reply is on its way to the customer.' } },
    problems: ['ticket-not-found', 'ticket-resolved'],
    handle: async ({ params, body, client }) => {
      const outcome = await deps.deskInbox.reply(params.id, actorOf(deps, client), body);
      if (outcome === 'missing') throw ticketNotFound(params.id);
      if (outcome === 'resolved')
        throw new ApiProblem(
          'ticket-resolved',
          `Ticket ${ticketReference(params.id)} is resolved, so this reply did not go to the customer; send it as a note ("note": true) to keep it with the ticket.`,
        );
      return { status: 201, body: await current(deps, params.id) };
    },
  });
}

function takeRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/tickets/{id}/take',
    operationId: 'takeTicket',
    summary: 'Take an open ticket: the customer learns a person has their request',
    responses: { 200: { ...answered, description: 'Taken by this credential (now or before).' } },
    problems: ['ticket-not-found', 'ticket-taken', 'ticket-resolved'],
    handle: async ({ params, client }) => {
      const result = await deps.deskInbox.take(params.id, actorOf(deps, client));
      const ref = ticketReference(params.id);
      switch (result.outcome) {
        case 'missing':
          throw ticketNotFound(params.id);
        case 'resolved':
          throw new ApiProblem('ticket-resolved', `Ticket ${ref} is already resolved.`);
        case 'taken-by-other':
          throw new ApiProblem(
            'ticket-taken',
            `${result.ticket.assignee?.name ?? 'Someone'} has already taken ticket ${ref}; leave it to them or write a note.`,
          );
        case 'taken':
        case 'yours':
          return { status: 200, body: await current(deps, params.id) };
      }
    },
  });
}

function resolveRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/tickets/{id}/resolve',
    operationId: 'resolveTicket',
    summary: 'Resolve a ticket: the customer is asked to rate the help',
    responses: { 200: { ...answered, description: 'Resolved now.' } },
    problems: ['ticket-not-found', 'ticket-resolved'],
    handle: async ({ params, client }) => {
      const result = await deps.deskInbox.resolve(params.id, actorOf(deps, client));
      if (result.outcome === 'missing') throw ticketNotFound(params.id);
      if (result.outcome === 'already-resolved')
        throw new ApiProblem('ticket-resolved', `Ticket ${ticketReference(params.id)} is already resolved.`);
      return { status: 200, body: await current(deps, params.id) };
    },
  });
}

/** The API's caller as the desk knows it: a person signed in to the console is named, as in Slack. */
function actorOf(deps: ApiDeps, client: ApiClient) {
  if (client.kind === 'account')
    return {
      by: { id: credentialOf(client), name: client.account.name },
      named: true,
      credential: credentialOf(client),
    };
  return deps.deskInbox.credentialActor(credentialOf(client));
}

async function current(deps: ApiDeps, ticketId: string) {
  const conversation = await deps.deskInbox.conversation(ticketId);
  if (!conversation) throw ticketNotFound(ticketId);
  return conversationView(conversation, deps.clock(), deps.deskInbox.showPhone);
}
