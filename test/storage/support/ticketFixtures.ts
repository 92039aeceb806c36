// Small builders for the desk store's tests: a member with a Telegram chat,
// tickets opened from it through the store, posts and purchases.
import type { DeskDraft, DeskStore, NewTicket, TicketRecord } from '../../../core/desk/deskPorts.ts';
import type { Database } from '../../../core/storage/db/openDatabase.ts';
import { aChat, aMember } from '../../outbox/support/outboxFixtures.ts';

export const opened = new Date('2026-03-01T10:00:00Z');

export interface Customer {
  memberId: string;
  chatId: string;
  address: string;
}

/** A member and the Telegram chat they write from. */
export async function aCustomer(db: Database): Promise<Customer> {
  const memberId = await aMember(db);
  const { channel, address } = await aChat(db, { memberId, channel: 'telegram' });
  const chat = await db.prisma.chat.findUniqueOrThrow({ where: { channel_address: { channel, address } } });
  return { memberId, chatId: chat.id, address };
}

export function aNewTicket(customer: Customer, extra: Partial<NewTicket> = {}): NewTicket {
  return {
    id: crypto.randomUUID(),
    memberId: customer.memberId,
    chatId: customer.chatId,
    channel: 'telegram',
    address: customer.address,
    locale: 'en',
    reason: 'button',
    text: 'My points are missing',
    openedAt: opened,
    nextAnnounceAt: new Date(opened.getTime() + 15 * 60_000),
    ...extra,
  };
}

/** Opens a ticket through the store from the chat as it is now; the ticket as stored. */
export async function anOpenTicket(
  db: Database,
  store: DeskStore,
  customer: Customer,
  extra: Partial<NewTicket> = {},
): Promise<TicketRecord> {
  const ticket = aNewTicket(customer, extra);
  const chat = await db.prisma.chat.findUniqueOrThrow({ where: { id: customer.chatId } });
  const outcome = await store.open({
    ticket,
    chat: { id: chat.id, version: chat.version, state: { v: 1, step: 'member', ticket: ticket.id } },
    posts: [],
  });
  if (outcome !== 'opened') throw new Error(`The fixture ticket did not open: ${outcome}.`);
  return (await store.find(ticket.id))!;
}

/** A thread post whose dedupe key and text are the same readable word. */
export function aPost(key: string): DeskDraft {
  return { dedupeKey: key, post: { kind: 'thread', text: key } };
}

export async function aPurchase(
  db: Database,
  memberId: string,
  purchase: { amount: number; createdAt: Date; refundedAt?: Date },
): Promise<void> {
  const id = crypto.randomUUID();
  await db.prisma.purchase.create({
    data: {
      id,
      memberId,
      receiptId: `receipt-${id}`,
      requestHash: 'test',
      amount: purchase.amount,
      redeemedPoints: 0,
      redeemedAmount: 0,
      paidAmount: purchase.amount,
      discountPercent: 0,
      earnedPoints: Math.floor(purchase.amount / 100),
      source: 'test',
      refundedAt: purchase.refundedAt ?? null,
      createdAt: purchase.createdAt,
    },
  });
}
