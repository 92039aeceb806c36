import type { Channel } from '../../inbound.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * The platform said this person blocked us or is gone: the chat stops being
 * chosen for the member's messages until they write again.
 */
export async function markChatUnreachable(tx: Tx, channel: Channel, address: string, at: Date): Promise<void> {
  await tx.chat.updateMany({ where: { channel, address, unreachableAt: null }, data: { unreachableAt: at } });
}

/**
 * Someone who writes to us can be written to again. Cheap when there is
 * nothing to do (a conditional update that matches no row); call it for
 * every inbound update, or only when the chat read says `unreachableAt` is set.
 * Resolves to whether the chat was unreachable until now.
 */
export async function markReachable(db: Database, channel: Channel, address: string): Promise<boolean> {
  const { count } = await db.prisma.chat.updateMany({
    where: { channel, address, unreachableAt: { not: null } },
    data: { unreachableAt: null },
  });
  return count === 1;
}
