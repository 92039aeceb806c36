import type { DeskStore } from '../../desk/deskPorts.ts';
import type { Prisma } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import type { StaffPosts } from './createDeskStore.ts';
import { newTicketRow, openingMessage, ticketMessageRow } from './ticketRecords.ts';

/**
 * Opens a ticket in one transaction with the chat's move to it and its posts.
 * A ticket whose id is taken is not opened twice: the id is looked up first,
 * and a concurrent opening that passes that check fails on the primary key,
 * which rolls its whole transaction back.
 */
export async function openTicket(
  prisma: Prisma,
  { ticket, chat, posts }: Parameters<DeskStore['open']>[0],
  staff: StaffPosts,
): Promise<'opened' | 'chat-changed' | 'exists'> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.ticket.findUnique({ where: { id: ticket.id }, select: { id: true } })) return 'exists';
      if (chat) {
        const moved = await tx.chat.updateMany({
          where: { id: chat.id, version: chat.version },
          data: { state: JSON.stringify(chat.state), version: { increment: 1 } },
        });
        if (moved.count !== 1) return 'chat-changed';
      }
      await tx.ticket.create({ data: newTicketRow(ticket) });
      if (ticket.text !== '') await tx.ticketMessage.create({ data: ticketMessageRow(openingMessage(ticket)) });
      await staff.write(tx, ticket.id, posts, ticket.openedAt);
      return 'opened';
    });
  } catch (error) {
    if (isUniqueViolation(error) && (await prisma.ticket.count({ where: { id: ticket.id } })) === 1) return 'exists';
    throw error;
  }
}
