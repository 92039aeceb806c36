import { z } from 'zod';
import type { InboxConversation } from '../core/desk/deskInbox.ts';
import type { TicketCursor, TicketListItem, TicketMessageRecord, TicketRecord } from '../core/desk/deskPorts.ts';
import { phoneForStaff } from '../core/desk/phoneForStaff.ts';
import { ticketReference } from '../core/desk/ticketReference.ts';
import { timestamp } from './fields.ts';

const staffSchema = z.object({ id: z.string(), name: z.string() });

export const ticketSchema = z.object({
  id: z.string(),
  reference: z.string().meta({ description: 'The short reference staff and customers quote.', examples: ['#3F9A1C'] }),
  status: z.enum(['open', 'taken', 'resolved']),
  reason: z.enum(['button', 'command', 'complaint', 'notUnderstood', 'nps']),
  channel: z.string().meta({ description: 'Where the customer wrote from: telegram, viber, web.' }),
  locale: z.string().meta({ description: "The customer's language: replies reach them in it." }),
  member: z.object({ id: z.string(), name: z.string() }),
  assignee: staffSchema.nullable(),
  openedAt: timestamp,
  takenAt: timestamp.nullable(),
  firstResponseAt: timestamp.nullable(),
  resolvedAt: timestamp.nullable(),
  closedByCustomer: z.boolean(),
  rating: z.number().int().nullable().meta({ description: "The customer's rating of the help, 1 to 5." }),
  ratingComment: z.string().nullable(),
  surveyScore: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Reason `nps`: the score (0 to 10) of the detractor answer that opened it.' }),
  followUpBy: timestamp
    .nullable()
    .meta({ description: 'Reason `nps`: by when someone is to have followed the detractor up (48 hours).' }),
  waitedSeconds: z.number().int().meta({
    description: 'How long the request has been waiting: until now while open or taken, until it was resolved after.',
  }),
});

const messageSchema = z.object({
  id: z.string(),
  author: z.enum(['customer', 'staff', 'note']).meta({ description: '`note`: internal, the customer never sees it.' }),
  by: staffSchema.nullable(),
  text: z.string(),
  photoUrl: z.string().nullable().meta({ description: 'The photo the customer sent with it, behind the same token.' }),
  at: timestamp,
});

export const conversationSchema = z.object({
  ticket: ticketSchema,
  customer: z.object({
    cardNumber: z.string(),
    phone: z.string().meta({ description: 'The last four digits unless DESK_SHOW_PHONE is set.' }),
    tier: z.string().nullable(),
    balance: z.number().int(),
    locale: z.string(),
    unreachable: z.boolean().meta({ description: 'Their chat was reported unreachable: a reply may not arrive.' }),
  }),
  lastPurchases: z.array(
    z.object({
      amount: z.number().int(),
      earnedPoints: z.number().int(),
      redeemedPoints: z.number().int(),
      refunded: z.boolean(),
      createdAt: timestamp,
    }),
  ),
  messages: z.array(messageSchema),
});

export function ticketView(ticket: TicketRecord & { memberName: string }, now: Date): z.infer<typeof ticketSchema> {
  const until = ticket.resolvedAt ?? now;
  return {
    id: ticket.id,
    reference: ticketReference(ticket.id),
    status: ticket.status,
    reason: ticket.reason,
    channel: ticket.channel,
    locale: ticket.locale,
    member: { id: ticket.memberId, name: ticket.memberName },
    assignee: ticket.assignee,
    openedAt: ticket.openedAt.toISOString(),
    takenAt: iso(ticket.takenAt),
    firstResponseAt: iso(ticket.firstResponseAt),
    resolvedAt: iso(ticket.resolvedAt),
    closedByCustomer: ticket.closedByCustomer,
    rating: ticket.rating,
    ratingComment: ticket.ratingComment,
    surveyScore: ticket.surveyScore,
    followUpBy: iso(ticket.followUpBy),
    waitedSeconds: Math.max(0, Math.floor((until.getTime() - ticket.openedAt.getTime()) / 1000)),
  };
}

export function conversationView(
  view: InboxConversation,
  now: Date,
  showPhone: boolean,
): z.infer<typeof conversationSchema> {
  const { ticket, member } = view;
  return {
    ticket: ticketView({ ...ticket, memberName: member.name }, now),
    customer: {
      cardNumber: member.cardNumber,
      phone: phoneForStaff(member.phone, showPhone),
      tier: member.tier,
      balance: member.balance,
      locale: member.locale,
      unreachable: view.chatUnreachable,
    },
    lastPurchases: view.lastPurchases.map((line) => ({ ...line, createdAt: line.createdAt.toISOString() })),
    messages: view.messages.map((message) => messageView(ticket.id, message)),
  };
}

function messageView(ticketId: string, message: TicketMessageRecord): z.infer<typeof messageSchema> {
  return {
    id: message.id,
    author: message.author,
    by: message.by,
    text: message.text,
    photoUrl: message.photo ? `/api/v1/tickets/${ticketId}/photos/${message.id}` : null,
    at: message.at.toISOString(),
  };
}

/** The opaque cursor of the next page: where the last ticket of this one stands in the list's order. */
export function cursorAfter(ticket: TicketListItem): string {
  const at = ticket.status === 'resolved' ? (ticket.resolvedAt ?? ticket.openedAt) : ticket.openedAt;
  return Buffer.from(`${at.toISOString()}|${ticket.id}`).toString('base64url');
}

/** The ticket a cursor names; null for one this server did not write. */
export function parseCursor(cursor: string): TicketCursor | null {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const when = new Date(at ?? '');
  if (!id || extra !== undefined || Number.isNaN(when.getTime())) return null;
  return { at: when, id };
}

export const listItemView = (tickets: TicketListItem[], now: Date) => tickets.map((t) => ticketView(t, now));

function iso(date: Date | null): string | null {
  return date?.toISOString() ?? null;
}
