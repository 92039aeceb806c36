import type { Channel } from '../../inbound.ts';
import { isChannel } from '../../inbound.ts';
import type { MemberChats } from '../../members/membersPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';

export async function chatsOf(db: Database, memberId: string): Promise<MemberChats> {
  const [member, rows] = await Promise.all([
    db.prisma.member.findUnique({ where: { id: memberId }, select: { notifyChannel: true } }),
    db.prisma.chat.findMany({
      where: { memberId },
      orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }],
      select: { id: true, channel: true, lastSeenAt: true },
    }),
  ]);
  const chats = rows.flatMap((row) => (isChannel(row.channel) ? [{ ...row, channel: row.channel }] : []));
  const chosen = member?.notifyChannel;
  return { chats, notifyChannel: chosen && isChannel(chosen) ? chosen : null };
}

/**
 * One transaction, the member's row locked first on PostgreSQL, so two
 * disconnections at the same moment cannot leave the card with no chat.
 * A chosen notification channel with no chat left goes back to "the recent one".
 */
export async function unlinkChat(
  db: Database,
  memberId: string,
  chatId: string,
): Promise<'unlinked' | 'last' | 'not-theirs'> {
  return withTransactionRetry(db, async (tx) => {
    if (db.provider === 'postgresql') await tx.$queryRaw`SELECT "id" FROM "Member" WHERE "id" = ${memberId} FOR UPDATE`;
    const chats = await tx.chat.findMany({ where: { memberId }, select: { id: true, channel: true } });
    const chat = chats.find((candidate) => candidate.id === chatId);
    if (!chat) return 'not-theirs';
    if (chats.length === 1) return 'last';
    await tx.chat.delete({ where: { id: chatId } });
    if (!chats.some((other) => other.id !== chatId && other.channel === chat.channel))
      await tx.member.updateMany({
        where: { id: memberId, notifyChannel: chat.channel },
        data: { notifyChannel: null },
      });
    return 'unlinked';
  });
}

export async function setNotifyChannel(db: Database, memberId: string, channel: Channel | null): Promise<void> {
  await db.prisma.member.updateMany({ where: { id: memberId }, data: { notifyChannel: channel } });
}
