import type { MemberRecord } from '../../members/membersPorts.ts';
import type { ChatState } from '../../conversation/chatState.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { toMemberRecord } from './records.ts';

export async function issueLinkCode(db: Database, memberId: string, code: string, expiresAt: Date): Promise<void> {
  await db.prisma.linkCode.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  await db.prisma.linkCode.create({ data: { code, memberId, expiresAt } });
}

class ChatMovedOn extends Error {}

/** The code is spent by a conditional update, so of two chats typing it at once only one joins the card. */
export async function redeemLinkCode(
  db: Database,
  request: { code: string; chatId: string; chatVersion: number; nextState: ChatState; at: Date },
): Promise<MemberRecord | 'invalid' | 'chat-changed'> {
  const { code, chatId, chatVersion, nextState, at } = request;
  try {
    return await withTransactionRetry(db, async (tx) => {
      const link = await tx.linkCode.findUnique({ where: { code } });
      if (!link) return 'invalid';
      const spent = await tx.linkCode.updateMany({
        where: { code, usedAt: null, expiresAt: { gt: at } },
        data: { usedAt: at, usedByChat: chatId },
      });
      if (spent.count !== 1) return 'invalid';
      const moved = await tx.chat.updateMany({
        where: { id: chatId, version: chatVersion },
        data: { memberId: link.memberId, state: JSON.stringify(nextState), version: { increment: 1 } },
      });
      if (moved.count !== 1) throw new ChatMovedOn();
      const member = await tx.member.findUnique({ where: { id: link.memberId } });
      return member ? toMemberRecord(member) : 'invalid';
    });
  } catch (error) {
    if (error instanceof ChatMovedOn) return 'chat-changed';
    throw error;
  }
}
