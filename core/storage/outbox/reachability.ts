import type { Channel } from '../../inbound.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { Database } from '../db/openDatabase.ts';
import { OFFERS_TEXT_VERSION } from '../../marketing/offersQuestion.ts';

/**
 * The platform said this person blocked us or is gone: the chat stops being
 * chosen for the member's messages until they write again.
 */
export async function markChatUnreachable(tx: Tx, channel: Channel, address: string, at: Date): Promise<void> {
  const { count } = await tx.chat.updateMany({
    where: { channel, address, unreachableAt: null },
    data: { unreachableAt: at },
  });
  if (count === 1) await optOutWhenBlocked(tx, channel, address, at);
}

/**
 * A member who blocked the bot counts as having said no to news and offers
 * (issue 18), recorded like any other answer; one who comes back switches
 * them on again in the settings.
 */
async function optOutWhenBlocked(tx: Tx, channel: Channel, address: string, at: Date): Promise<void> {
  const chat = await tx.chat.findUnique({
    where: { channel_address: { channel, address } },
    select: { memberId: true },
  });
  if (!chat?.memberId) return;
  const { count } = await tx.member.updateMany({
    where: { id: chat.memberId, marketingOptIn: true },
    data: { marketingOptIn: false },
  });
  if (count === 1)
    await tx.marketingConsentChange.create({
      data: {
        id: crypto.randomUUID(),
        memberId: chat.memberId,
        optedIn: false,
        textVersion: OFFERS_TEXT_VERSION,
        source: 'blocked',
        at,
      },
    });
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
