import type { DeskDraft } from '../../desk/deskPorts.ts';
import type { Prisma } from '../db/openDatabase.ts';
import { CUSTOMER_CLOSER } from './ticketRecords.ts';
import type { StaffPosts } from './createDeskStore.ts';

/**
 * The customer closes their own request: the ticket is resolved by them
 * (`resolvedById` names no staff member), once, with the posts that tell
 * staff, and no rating prompt is queued — there is no help to rate.
 */
export function closeByCustomer(
  prisma: Prisma,
  ticketId: string,
  at: Date,
  posts: DeskDraft[],
  staff: StaffPosts,
): Promise<'closed' | 'not-open' | 'missing'> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, status: { not: 'resolved' } },
      data: { status: 'resolved', resolvedAt: at, resolvedById: CUSTOMER_CLOSER },
    });
    if (count !== 1) return (await tx.ticket.count({ where: { id: ticketId } })) > 0 ? 'not-open' : 'missing';
    await staff.write(tx, ticketId, posts, at);
    return 'closed';
  });
}

/** When the customer last wrote to the ticket, or opened it: a burst of messages is measured from there. */
export async function lastCustomerActivityAt(prisma: Prisma, ticketId: string): Promise<Date | null> {
  const [ticket, last] = await Promise.all([
    prisma.ticket.findUnique({ where: { id: ticketId }, select: { openedAt: true } }),
    prisma.ticketMessage.findFirst({
      where: { ticketId, author: 'customer' },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    }),
  ]);
  if (!ticket) return null;
  return last && last.createdAt > ticket.openedAt ? last.createdAt : ticket.openedAt;
}
