import type { Tx } from '../db/openDatabase.ts';

/**
 * Unlinks and deletes the member's chats, and everything that carries a
 * chat's address: updates remembered for de-duplication (the web chat's
 * ids begin with the visitor's address), limits counted per chat. A person
 * who writes again is a stranger and may join anew.
 */
export async function forgetChats(tx: Tx, memberId: string): Promise<number> {
  const chats = await tx.chat.findMany({ where: { memberId }, select: { id: true, channel: true, address: true } });
  for (const chat of chats) {
    await tx.processedUpdate.deleteMany({
      where: { channel: chat.channel, updateId: { startsWith: `${chat.address}:` } },
    });
    await tx.outboxMessage.deleteMany({ where: { channel: chat.channel, address: chat.address } });
    await tx.attempt.deleteMany({ where: { subject: `phone:${chat.id}` } });
  }
  await tx.chat.deleteMany({ where: { memberId } });
  return chats.length;
}

/**
 * Keeps the member's tickets as anonymous records (when, how long, the
 * rating) and removes what was said in them: texts, photos, the address,
 * the customer's names; an open ticket is closed. Their desk posts waiting
 * in the outbox are dropped.
 */
export async function forgetTickets(
  tx: Tx,
  memberId: string,
  at: Date,
): Promise<{ tickets: number; photoFileIds: string[] }> {
  const tickets = await tx.ticket.findMany({ where: { memberId }, select: { id: true } });
  const ids = tickets.map((ticket) => ticket.id);
  if (ids.length === 0) return { tickets: 0, photoFileIds: [] };
  await tx.outboxMessage.deleteMany({ where: { ticketId: { in: ids } } });
  await tx.ticket.updateMany({
    where: { id: { in: ids } },
    data: { text: '', address: '', ratingComment: null, nextAnnounceAt: null },
  });
  await tx.ticket.updateMany({
    where: { id: { in: ids }, status: { not: 'resolved' } },
    data: { status: 'resolved', resolvedAt: at },
  });
  const messages = await tx.ticketMessage.findMany({
    where: { ticketId: { in: ids } },
    select: { id: true, author: true, photoFileId: true },
  });
  for (const message of messages) {
    const customer = message.author === 'customer';
    await tx.ticketMessage.update({
      where: { id: message.id },
      data: {
        text: '',
        photoFileId: null,
        // A customer's message is keyed by its update id, which may hold their address.
        ...(customer && { sourceKey: `erased:${message.id}`, authorId: null, authorName: null }),
      },
    });
  }
  const photoFileIds = messages.flatMap((message) => (message.photoFileId ? [message.photoFileId] : []));
  return { tickets: ids.length, photoFileIds };
}
