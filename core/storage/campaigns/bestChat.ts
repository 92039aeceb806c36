import type { Channel } from '../../inbound.ts';
import { channelPreference } from '../../outbox/channelPreference.ts';

export interface ReachableChat {
  channel: string;
  address: string;
  lastSeenAt: Date | null;
  updatedAt: Date;
}

/**
 * A member's best chat, in the order `enqueue.ts` picks one for a single
 * message (`bestFirst`): the channel they chose, then the one used most
 * recently, then the channels' preference and the latest change. A fan-out
 * reads a whole batch's chats at once and chooses here instead of asking
 * the database once per member.
 */
export function bestChat(
  chats: readonly ReachableChat[],
  notifyChannel: string | null,
): { channel: Channel; address: string } | null {
  const rank = (chat: ReachableChat) => channelPreference.indexOf(chat.channel as Channel);
  const usable = chats.filter((chat) => rank(chat) >= 0);
  const sorted = [...usable].sort(
    (a, b) =>
      Number(b.channel === notifyChannel) - Number(a.channel === notifyChannel) ||
      Number(b.lastSeenAt !== null) - Number(a.lastSeenAt !== null) ||
      (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0) ||
      rank(a) - rank(b) ||
      b.updatedAt.getTime() - a.updatedAt.getTime(),
  );
  const best = sorted[0];
  return best ? { channel: best.channel as Channel, address: best.address } : null;
}
