import type { DeskDraft, TicketMessageDraft, TicketRecord } from '../../desk/deskPorts.ts';
import { parseDeskPost } from '../../desk/deskPost.ts';
import type { RelayBudget } from '../../desk/relayBudget.ts';
import { DESK_LANE } from '../../outbox/outboxPorts.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { Ticket } from '../generated/sqlite/client.ts';
import { enqueueDeskPost, enqueueInTransaction } from '../outbox/enqueue.ts';

const MINUTE_MS = 60_000;
/** A customer still flooding after this long is not asked to wait again. */
const ASK_AGAIN_AFTER_MS = 10 * MINUTE_MS;

/**
 * Relays a customer's message (already stored with the ticket) to the staff
 * channel within the ticket's budget: one post per message while the ticket
 * has had at most `perMinute` of them in the last minute; beyond that, and for
 * as long as a merged post waits to go out, the message joins that merged post.
 */
export async function relayWithinBudget(
  tx: Tx,
  ticket: Ticket,
  message: TicketMessageDraft,
  post: DeskDraft,
  budget: RelayBudget | undefined,
): Promise<void> {
  if (!budget) return void (await enqueueDeskPost(tx, ticket.id, post, message.at));
  const held = await tx.outboxMessage.findFirst({
    where: {
      ticketId: ticket.id,
      channel: DESK_LANE,
      status: 'pending',
      dedupeKey: { startsWith: heldPrefix(ticket) },
    },
    orderBy: { createdAt: 'desc' },
    select: { id: true, payload: true },
  });
  if (held && (await joinHeld(tx, held, ticket, message, budget))) return;
  if (!held && (await recentCount(tx, ticket.id, message.at)) <= budget.perMinute)
    return void (await enqueueDeskPost(tx, ticket.id, post, message.at));
  await startHeld(tx, ticket, message, budget);
}

const heldPrefix = (ticket: Ticket) => `desk:${ticket.id}:held:`;
const waitPrefix = (ticket: Ticket) => `desk:${ticket.id}:wait:`;

/** The ticket's customer messages within the minute up to `at`, this one included. */
function recentCount(tx: Tx, ticketId: string, at: Date): Promise<number> {
  return tx.ticketMessage.count({
    where: { ticketId, author: 'customer', createdAt: { gt: new Date(at.getTime() - MINUTE_MS), lte: at } },
  });
}

/** Adds the message to the merged post still waiting; false when the lane took it meanwhile. */
async function joinHeld(
  tx: Tx,
  held: { id: string; payload: string },
  ticket: Ticket,
  message: TicketMessageDraft,
  budget: RelayBudget,
): Promise<boolean> {
  const previous = parseDeskPost(held.payload);
  if (previous?.kind !== 'thread') return false;
  const merged = budget.merge(previous, await memberName(tx, ticket), relayed(message));
  const { count } = await tx.outboxMessage.updateMany({
    where: { id: held.id, status: 'pending' },
    data: { payload: JSON.stringify(merged) },
  });
  return count === 1;
}

/** A new merged post, sent when the burst's minute is over; the customer is asked once to wait. */
async function startHeld(tx: Tx, ticket: Ticket, message: TicketMessageDraft, budget: RelayBudget): Promise<void> {
  const post = budget.merge(null, await memberName(tx, ticket), relayed(message));
  const notBefore = new Date(message.at.getTime() + budget.holdMs);
  await enqueueDeskPost(
    tx,
    ticket.id,
    { dedupeKey: heldPrefix(ticket) + message.sourceKey, post },
    message.at,
    notBefore,
  );
  const asked = await tx.outboxMessage.count({
    where: {
      ticketId: ticket.id,
      dedupeKey: { startsWith: waitPrefix(ticket) },
      createdAt: { gt: new Date(message.at.getTime() - ASK_AGAIN_AFTER_MS) },
    },
  });
  if (asked > 0) return;
  await enqueueInTransaction(tx, {
    memberId: ticket.memberId,
    channel: ticket.channel as TicketRecord['channel'],
    address: ticket.address,
    dedupeKey: waitPrefix(ticket) + message.sourceKey,
    message: budget.pleaseWait(ticket.locale as TicketRecord['locale']),
    ticketId: ticket.id,
    at: message.at,
  });
}

async function memberName(tx: Tx, ticket: Ticket): Promise<string> {
  const member = await tx.member.findUnique({ where: { id: ticket.memberId }, select: { name: true } });
  return member?.name ?? '';
}

function relayed(message: TicketMessageDraft) {
  return { text: message.text, photo: message.photoFileId !== undefined };
}
