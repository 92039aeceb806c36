import type { LinkCodeRequest } from '../../members/membersPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';

const HOUR_MS = 60 * 60 * 1000;
/** Codes one member may be sent in an hour: a stranger typing their number cannot flood their chat. */
export const LINK_CODES_PER_MEMBER_PER_HOUR = 3;

class ChatMovedOn extends Error {}

/** The notice and the waiting chat's state in one transaction: a code is never sent for a chat that does not wait for it. */
export async function sendLinkCode(
  db: Database,
  request: LinkCodeRequest,
): Promise<'sent' | 'no-chat' | 'limited' | 'chat-changed'> {
  const { memberId, chatId, chatVersion, nextState, notice, at } = request;
  const subject = `link:${memberId}`;
  try {
    return await withTransactionRetry(db, async (tx) => {
      const recent = await tx.attempt.count({ where: { subject, at: { gt: new Date(at.getTime() - HOUR_MS) } } });
      if (recent >= LINK_CODES_PER_MEMBER_PER_HOUR) return 'limited';
      const queued = await enqueueInTransaction(tx, { ...notice, at });
      if (queued === 'no-reachable-chat') return 'no-chat';
      await tx.attempt.create({ data: { subject, at } });
      const moved = await tx.chat.updateMany({
        where: { id: chatId, version: chatVersion },
        data: { state: JSON.stringify(nextState), version: { increment: 1 } },
      });
      if (moved.count !== 1) throw new ChatMovedOn();
      return 'sent';
    });
  } catch (error) {
    if (error instanceof ChatMovedOn) return 'chat-changed';
    throw error;
  }
}
