// The desk's store in one file past 300 lines, on purpose: every function here
// writes tickets, their messages and the desk lane's posts in one transaction
// with the same row shapes, and split apart they would only import each other.
import { isChannel, type Channel } from '../../inbound.ts';
import type {
  AddOutcome,
  CustomerDraft,
  DeskDraft,
  DeskStore,
  StaffRef,
  TicketMessageDraft,
  TicketRecord,
  TicketView,
} from '../../desk/deskPorts.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import type { Ticket } from '../generated/sqlite/client.ts';
import { enqueueDeskPost, enqueueInTransaction } from '../outbox/enqueue.ts';
import { toMemberRecord } from '../members/records.ts';
import { ticketMessageRow, toPurchaseLine, toTicketRecord } from './ticketRecords.ts';
import { isUniqueViolation, uniqueTarget } from '../db/isUniqueViolation.ts';
import type { RelayBudget } from '../../desk/relayBudget.ts';
import { relayWithinBudget } from './relayWithinBudget.ts';
import { closeByCustomer, lastCustomerActivityAt } from './closeByCustomer.ts';
import { inboxReads } from './inboxReads.ts';
import { openTicket } from './openTicket.ts';
import type { AuditRecord } from '../../audit/auditPorts.ts';
import { recordAuditInTransaction } from '../audit/recordAudit.ts';
import { recordDeskCsatInTransaction } from '../surveys/recordDeskCsat.ts';

/**
 * The staff desk's `DeskStore` on Prisma. Every state change is a conditional
 * update inside one transaction with the outbox rows it causes, so two staff
 * members (or two instances) acting at once change a ticket once and post once.
 * With a relay budget, a ticket's customer messages reach staff within it.
 */
export function createDeskStore(
  db: Database,
  relayBudget?: RelayBudget,
  { staffChannels = true }: { staffChannels?: boolean } = {},
): DeskStore {
  const prisma = db.prisma;
  const staff = staffPosts(staffChannels);
  return {
    ...conversationWrites(prisma, relayBudget, staff),
    ...ticketTransitions(prisma, staff),
    ...ticketReads(prisma),
    ...inboxReads(prisma),
  };
}

function conversationWrites(prisma: Prisma, relayBudget: RelayBudget | undefined, staff: StaffPosts) {
  return {
    open: (input) => openTicket(prisma, input, staff),
    addCustomerMessage: async (message, post) => {
      if (message.author !== 'customer')
        throw new TypeError(`A customer's message must have the author "customer", got "${message.author}".`);
      return addMessage(prisma, message, async (tx, ticket) => {
        if (staff.connected) await relayWithinBudget(tx, ticket, message, post, relayBudget);
      });
    },
    addStaffMessage: async (message, reply, posts, audit) => {
      if (message.author === 'customer' || !message.by) {
        throw new TypeError(
          `A staff message needs the author "staff" or "note" and the staff member who wrote it (source "${message.sourceKey}").`,
        );
      }
      return addMessage(prisma, message, async (tx, ticket) => {
        if (message.author === 'staff') await answer(tx, ticket, message.by!, message.at, reply);
        await staff.write(tx, ticket.id, posts, message.at);
        await audited(tx, audit);
      });
    },
    postToThread: async (ticketId, post) => {
      if (staff.connected) await prisma.$transaction((tx) => staff.write(tx, ticketId, [post], new Date()));
    },
  } satisfies Partial<DeskStore>;
}

function ticketTransitions(prisma: Prisma, staff: StaffPosts) {
  return {
    take: (ticketId, by, at, posts, customer, audit) =>
      take(prisma, ticketId, by, at, { posts, customer, audit, staff }),
    resolve: (ticketId, by, at, posts, customer, audit) =>
      resolve(prisma, ticketId, by, at, { posts, customer, audit, staff }),
    closeByCustomer: (ticketId, at, posts) => closeByCustomer(prisma, ticketId, at, posts, staff),
    rate: (ticketId, memberId, rating, at, posts, csatDay) =>
      rate(prisma, { ticketId, memberId, rating, at, posts, staff, csatDay }),
    comment: (ticketId, memberId, comment, posts) =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.ticket.updateMany({
          where: { id: ticketId, memberId, rating: { not: null }, ratingComment: null },
          data: { ratingComment: comment },
        });
        if (count === 1) await staff.write(tx, ticketId, posts, new Date());
        return count === 1;
      }),
    announce: (ticketId, seen, next, post) =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.ticket.updateMany({
          where: { id: ticketId, status: 'open', announcements: seen },
          data: { announcements: { increment: 1 }, nextAnnounceAt: next },
        });
        if (count === 1) await staff.write(tx, ticketId, [post], new Date());
        return count === 1;
      }),
    setDeskRef: async (ticketId, deskRef) => {
      await prisma.ticket.updateMany({ where: { id: ticketId }, data: { deskRef } });
    },
  } satisfies Partial<DeskStore>;
}

function ticketReads(prisma: Prisma) {
  return {
    find: async (ticketId) => {
      const row = await prisma.ticket.findUnique({ where: { id: ticketId } });
      return row && toTicketRecord(row);
    },
    lastCustomerActivityAt: (ticketId) => lastCustomerActivityAt(prisma, ticketId),
    findByDeskRef: async (deskRef) => {
      const row = await prisma.ticket.findUnique({ where: { deskRef } });
      return row && toTicketRecord(row);
    },
    dueAnnouncements: async (now, limit) => {
      const rows = await prisma.ticket.findMany({
        where: { status: 'open', nextAnnounceAt: { lte: now } },
        orderBy: oldestFirst,
        take: limit,
      });
      return rows.map(toTicketRecord);
    },
    unresolved: async (limit) => {
      const rows = await prisma.ticket.findMany({
        where: { status: { not: 'resolved' } },
        orderBy: oldestFirst,
        take: limit,
        include: { member: { select: { name: true } } },
      });
      return rows.map((row) => ({ ...toTicketRecord(row), memberName: row.member.name }));
    },
    view: (ticketId, purchases) => view(prisma, ticketId, purchases),
    findMember: async (reference) => {
      const row = await prisma.member.findUnique({
        where: 'cardNumber' in reference ? { cardNumber: reference.cardNumber } : { phone: reference.phone },
      });
      return row && { ...toMemberRecord(row), channels: await channelsOfMember(prisma, row.id) };
    },
  } satisfies Partial<DeskStore>;
}

const oldestFirst = [{ openedAt: 'asc' as const }, { id: 'asc' as const }];

/**
 * Writes a message of an unresolved ticket (or a note on any) and what it causes. The sourceKey is
 * looked up first; a concurrent twice-delivered update that passes that check
 * fails on the unique key, which rolls its whole transaction back.
 */
async function addMessage(
  prisma: Prisma,
  message: TicketMessageDraft,
  then: (tx: Tx, ticket: Ticket) => Promise<unknown>,
): Promise<AddOutcome> {
  try {
    return await prisma.$transaction(async (tx): Promise<AddOutcome> => {
      const ticket = await tx.ticket.findUnique({ where: { id: message.ticketId } });
      if (!ticket) return 'missing';
      // Staff keep taking notes on a resolved ticket; nothing else is added to it.
      if (ticket.status === 'resolved' && message.author !== 'note') return 'closed';
      if (await tx.ticketMessage.findUnique({ where: { sourceKey: message.sourceKey }, select: { id: true } }))
        return 'duplicate';
      await tx.ticketMessage.create({ data: ticketMessageRow(message) });
      await then(tx, ticket);
      return 'added';
    });
  } catch (error) {
    if (isUniqueViolation(error) && uniqueTarget(error).includes('sourceKey')) return 'duplicate';
    throw error;
  }
}

/** A staff reply: the first one is the first response, and it assigns a ticket nobody took. */
async function answer(tx: Tx, ticket: Ticket, by: StaffRef, at: Date, reply: CustomerDraft | null): Promise<void> {
  await tx.ticket.updateMany({ where: { id: ticket.id, firstResponseAt: null }, data: { firstResponseAt: at } });
  await tx.ticket.updateMany({ where: { id: ticket.id, status: 'open' }, data: assignment(by, at) });
  if (reply) await enqueueToCustomer(tx, ticket, reply, at);
}

function assignment(by: StaffRef, at: Date) {
  return { status: 'taken', assigneeId: by.id, assigneeName: by.name, takenAt: at };
}

/** Runs a conditional change of a ticket; null when there is no such ticket, else whether it changed and the ticket as it is now. */
async function transition(
  prisma: Prisma,
  ticketId: string,
  change: (tx: Tx, ticket: Ticket) => Promise<boolean>,
): Promise<{ changed: boolean; ticket: TicketRecord } | null> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.ticket.findUnique({ where: { id: ticketId } });
    if (!before) return null;
    const changed = await change(tx, before);
    // Read again even when nothing changed: a concurrent change that won shows here (what `before` could not know).
    const after = await tx.ticket.findUnique({ where: { id: ticketId } });
    return after && { changed, ticket: toTicketRecord(after) };
  });
}

/** Assigns an open ticket once, with what tells staff and the customer. */
async function take(
  prisma: Prisma,
  ticketId: string,
  by: StaffRef,
  at: Date,
  {
    posts,
    customer,
    audit,
    staff,
  }: { posts: DeskDraft[]; customer: CustomerDraft | undefined; audit: AuditRecord | undefined; staff: StaffPosts },
) {
  const outcome = await transition(prisma, ticketId, async (tx, ticket) => {
    const { count } = await tx.ticket.updateMany({ where: { id: ticketId, status: 'open' }, data: assignment(by, at) });
    if (count !== 1) return false;
    await staff.write(tx, ticketId, posts, at);
    if (customer) await enqueueToCustomer(tx, ticket, customer, at);
    await audited(tx, audit);
    return true;
  });
  return outcome && { taken: outcome.changed, ticket: outcome.ticket };
}

/** Resolves a ticket once; whoever resolves an untaken ticket is the one who handled it. */
async function resolve(
  prisma: Prisma,
  ticketId: string,
  by: StaffRef,
  at: Date,
  {
    posts,
    customer,
    audit,
    staff,
  }: { posts: DeskDraft[]; customer: CustomerDraft; audit: AuditRecord | undefined; staff: StaffPosts },
) {
  const outcome = await transition(prisma, ticketId, async (tx, ticket) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, status: { not: 'resolved' } },
      data: { status: 'resolved', resolvedAt: at, resolvedById: by.id },
    });
    if (count !== 1) return false;
    await tx.ticket.updateMany({
      where: { id: ticketId, assigneeId: null },
      data: { assigneeId: by.id, assigneeName: by.name, takenAt: at },
    });
    await staff.write(tx, ticketId, posts, at);
    await enqueueToCustomer(tx, ticket, customer, at);
    await audited(tx, audit);
    return true;
  });
  return outcome && { resolved: outcome.changed, ticket: outcome.ticket };
}

interface Rating {
  ticketId: string;
  memberId: string;
  rating: number;
  at: Date;
  posts: DeskDraft[];
  staff: StaffPosts;
  csatDay?: string;
}

async function rate(
  prisma: Prisma,
  { ticketId, memberId, rating, at, posts, staff, csatDay }: Rating,
): Promise<'rated' | 'already-rated' | 'not-resolved'> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    throw new RangeError(`A rating must be a whole number from 1 to 5, got ${rating}.`);
  return prisma.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({
      where: { id: ticketId },
      select: { memberId: true, status: true, rating: true },
    });
    if (!ticket || ticket.memberId !== memberId || ticket.status !== 'resolved') return 'not-resolved';
    if (ticket.rating !== null) return 'already-rated';
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, rating: null },
      data: { rating, ratedAt: at },
    });
    if (count !== 1) return 'already-rated';
    await staff.write(tx, ticketId, posts, at);
    if (csatDay !== undefined) await recordDeskCsatInTransaction(tx, { ticketId, rating, at, day: csatDay });
    return 'rated';
  });
}

async function view(prisma: Prisma, ticketId: string, purchases: number): Promise<TicketView | null> {
  const ticket = await prisma.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) return null;
  const [member, lastPurchases, chat, memberChannels] = await Promise.all([
    prisma.member.findUnique({ where: { id: ticket.memberId } }),
    prisma.purchase.findMany({
      where: { memberId: ticket.memberId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: purchases,
    }),
    prisma.chat.findUnique({ where: { id: ticket.chatId }, select: { unreachableAt: true } }),
    channelsOfMember(prisma, ticket.memberId),
  ]);
  if (!member) return null;
  return {
    ticket: toTicketRecord(ticket),
    member: toMemberRecord(member),
    lastPurchases: lastPurchases.map(toPurchaseLine),
    chatUnreachable: chat?.unreachableAt != null,
    memberChannels,
  };
}

/** The channels a member has chats on, each once, the most recently used first. */
async function channelsOfMember(prisma: Prisma, memberId: string): Promise<Channel[]> {
  const chats = await prisma.chat.findMany({
    where: { memberId },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }],
    select: { channel: true },
  });
  return [...new Set(chats.map((chat) => chat.channel).filter(isChannel))];
}

/** A message to the customer about their ticket, to the chat the ticket came from. */
async function enqueueToCustomer(tx: Tx, ticket: Ticket, draft: CustomerDraft, at: Date): Promise<void> {
  const { memberId, channel, address, id: ticketId } = ticket;
  await enqueueInTransaction(tx, {
    memberId,
    channel: channel as TicketRecord['channel'],
    address,
    dedupeKey: draft.dedupeKey,
    message: draft.message,
    ticketId,
    at,
  });
}

/** The audit entry of a change made through the API or the console, in the change's own transaction. */
async function audited(tx: Tx, audit: AuditRecord | undefined): Promise<void> {
  if (audit) await recordAuditInTransaction(tx, audit);
}

/**
 * Desk posts for the staff channels (Slack), in the caller's transaction.
 * With none connected nothing is written: the console reads tickets from
 * their own tables, and posts nobody would ever send would only pile up in
 * the outbox, then flood a desk connected months later.
 */
export interface StaffPosts {
  readonly connected: boolean;
  write(tx: Tx, ticketId: string, posts: DeskDraft[], at: Date): Promise<void>;
}

function staffPosts(connected: boolean): StaffPosts {
  return {
    connected,
    write: async (tx, ticketId, posts, at) => {
      if (connected) for (const post of posts) await enqueueDeskPost(tx, ticketId, post, at);
    },
  };
}
