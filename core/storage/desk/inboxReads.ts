import type { DeskStore, TicketCursor, TicketListItem, TicketMessageRecord } from '../../desk/deskPorts.ts';
import type { Channel } from '../../inbound.ts';
import type { Prisma } from '../db/openDatabase.ts';
import type { Ticket, TicketMessage } from '../generated/sqlite/client.ts';
import { toTicketRecord } from './ticketRecords.ts';

/** A conversation longer than this is cut (the oldest kept): no real ticket comes near it. */
const MESSAGES_SHOWN = 1_000;

const withMemberName = { member: { select: { name: true } } } as const;

/** What the desk inbox (REST API, console) reads: pages of tickets, a conversation, a photo, what changed. */
export function inboxReads(prisma: Prisma) {
  return { ...ticketPages(prisma), ...conversationReads(prisma) };
}

function ticketPages(prisma: Prisma) {
  return {
    list: async ({ status, limit, after }) => {
      const resolved = status === 'resolved';
      const rows = await prisma.ticket.findMany({
        where: { status, ...(after && (resolved ? before('resolvedAt', after) : later('openedAt', after))) },
        orderBy: resolved ? [{ resolvedAt: 'desc' }, { id: 'desc' }] : [{ openedAt: 'asc' }, { id: 'asc' }],
        take: limit,
        include: withMemberName,
      });
      return rows.map(toListItem);
    },
    changedSince: async (since, limit) => {
      const rows = await prisma.ticket.findMany({
        where: {
          OR: [
            { openedAt: { gte: since } },
            { takenAt: { gte: since } },
            { resolvedAt: { gte: since } },
            { ratedAt: { gte: since } },
            { messages: { some: { createdAt: { gte: since } } } },
          ],
        },
        orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
        take: limit,
        include: withMemberName,
      });
      return rows.map(toListItem);
    },
  } satisfies Partial<DeskStore>;
}

function conversationReads(prisma: Prisma) {
  return {
    messages: async (ticketId) => {
      const rows = await prisma.ticketMessage.findMany({
        where: { ticketId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: MESSAGES_SHOWN,
      });
      return rows.map(toMessageRecord);
    },
    photoOf: async (ticketId, messageId) => {
      const row = await prisma.ticketMessage.findFirst({
        where: { id: messageId, ticketId, photoFileId: { not: null } },
        select: { photoFileId: true, ticket: { select: { channel: true } } },
      });
      return row && { channel: row.ticket.channel as Channel, fileId: row.photoFileId! };
    },
  } satisfies Partial<DeskStore>;
}

/** After the cursor in ascending order of `field`, ties broken by id. */
function later(field: 'openedAt', after: TicketCursor) {
  return { OR: [{ [field]: { gt: after.at } }, { [field]: after.at, id: { gt: after.id } }] };
}

/** After the cursor in descending order of `field`, ties broken by id. */
function before(field: 'resolvedAt', after: TicketCursor) {
  return { OR: [{ [field]: { lt: after.at } }, { [field]: after.at, id: { lt: after.id } }] };
}

function toListItem(row: Ticket & { member: { name: string } }): TicketListItem {
  return { ...toTicketRecord(row), memberName: row.member.name };
}

function toMessageRecord(row: TicketMessage): TicketMessageRecord {
  return {
    id: row.id,
    author: row.author as TicketMessageRecord['author'],
    by: row.authorId !== null ? { id: row.authorId, name: row.authorName ?? '' } : null,
    text: row.text,
    photo: row.photoFileId !== null,
    at: row.createdAt,
  };
}
