import type { Locale } from '../../i18n/locale.ts';
import type { ChatState } from '../../conversation/chatState.ts';
import type { ChatRecord, ChatStore } from '../../conversation/conversationPorts.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { toChatRecord, toMemberRecord } from '../members/records.ts';

/** The core's `ChatStore` on Prisma; every state write is conditional on the version read. */
export function createChatStore(db: Database): ChatStore {
  const prisma = db.prisma;
  return {
    findChat: async (channel, address) => {
      // findFirst, not findUnique: Prisma merges findUnique calls of one tick into one query, which
      // several hundred updates at once push past SQLite's limit on query parameters.
      const row = await prisma.chat.findFirst({
        where: { channel, address },
        include: { member: true },
      });
      return row && { ...toChatRecord(row), member: row.member && toMemberRecord(row.member) };
    },
    createChat: (chat) => createChat(prisma, chat),
    saveChat: (chatId, expectedVersion, change) => saveChat(prisma, chatId, expectedVersion, change),
    markReachable: async (chatId) => {
      await prisma.chat.updateMany({
        where: { id: chatId, unreachableAt: { not: null } },
        data: { unreachableAt: null },
      });
    },
    markSeen: async (chatId, at) => {
      await prisma.chat.updateMany({ where: { id: chatId }, data: { lastSeenAt: at } });
    },
    markUnreachable: async (channel, address, at) => {
      await prisma.chat.updateMany({ where: { channel, address, unreachableAt: null }, data: { unreachableAt: at } });
    },
    deleteChat: async (chatId) => {
      await prisma.chat.deleteMany({ where: { id: chatId } });
    },
    linkChat: async (chatId, expectedVersion, memberId, nextState) => {
      const { count } = await prisma.chat.updateMany({
        where: { id: chatId, version: expectedVersion },
        data: { memberId, state: JSON.stringify(nextState), version: { increment: 1 } },
      });
      return count === 1;
    },
  };
}

async function createChat(
  prisma: Prisma,
  chat: Omit<ChatRecord, 'id' | 'version' | 'memberId' | 'unreachableAt' | 'lastSeenAt'>,
): Promise<ChatRecord> {
  const { channel, address, locale, state, consentAt, consentVersion } = chat;
  try {
    const row = await prisma.chat.create({
      data: {
        id: crypto.randomUUID(),
        channel,
        address,
        locale,
        state: JSON.stringify(state),
        consentAt,
        consentVersion,
      },
    });
    return toChatRecord(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await prisma.chat.findUniqueOrThrow({ where: { channel_address: { channel, address } } });
    return toChatRecord(existing);
  }
}

async function saveChat(
  prisma: Prisma,
  chatId: string,
  expectedVersion: number,
  change: { state?: ChatState; locale?: Locale },
): Promise<boolean> {
  const { count } = await prisma.chat.updateMany({
    where: { id: chatId, version: expectedVersion },
    data: {
      ...(change.state && { state: JSON.stringify(change.state) }),
      ...(change.locale && { locale: change.locale }),
      version: { increment: 1 },
    },
  });
  return count === 1;
}
