import type { Channel } from '../../inbound.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { ChatRecord, Credit, Enrolment, EnrolmentResult, LedgerLine, Store } from '../../ports.ts';
import type { ChatState } from '../../conversation/chatState.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { toChatRecord, toMemberRecord } from '../members/records.ts';
import { parseReplies, serializeReplies } from './storedReplies.ts';
import { isNotificationTopic } from '../../notifications/notificationTopics.ts';
import { isUniqueViolation, uniqueTarget } from '../db/isUniqueViolation.ts';
import { ChatMovedOn, creditInTransaction, enrolInTransaction } from '../points/ledgerWrites.ts';

/** The core's `Store`, on Prisma; the same code serves SQLite and PostgreSQL. */
export function createPrismaStore(db: Database): Store {
  const prisma = db.prisma;
  return {
    ...chatOperations(prisma),
    ...memberOperations(prisma),
    ping: async () => {
      await prisma.$queryRawUnsafe('SELECT 1');
    },
  };
}

function chatOperations(prisma: Prisma) {
  return {
    claimUpdate: (channel, updateId) => claimUpdate(prisma, channel, updateId),
    releaseUpdate: async (channel, updateId) => {
      await prisma.processedUpdate.deleteMany({ where: { channel, updateId } });
    },
    rememberReplies: async (channel, updateId, replies) => {
      await prisma.processedUpdate.updateMany({ where: { channel, updateId }, data: { replies: serializeReplies(replies) } });
    },
    recallReplies: async (channel, updateId) => {
      const row = await prisma.processedUpdate.findUnique({ where: { channel_updateId: { channel, updateId } }, select: { replies: true } });
      return row?.replies ? parseReplies(row.replies) : null;
    },
    findChat: async (channel, address) => {
      const row = await prisma.chat.findUnique({ where: { channel_address: { channel, address } }, include: { member: true } });
      return row && { ...toChatRecord(row), member: row.member && toMemberRecord(row.member) };
    },
    createChat: (chat) => createChat(prisma, chat),
    saveChat: (chatId, expectedVersion, change) => saveChat(prisma, chatId, expectedVersion, change),
    markReachable: async (chatId) => {
      await prisma.chat.updateMany({ where: { id: chatId, unreachableAt: { not: null } }, data: { unreachableAt: null } });
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
  } satisfies Partial<Store>;
}

function memberOperations(prisma: Prisma) {
  return {
    findMember: async (id) => {
      const row = await prisma.member.findUnique({ where: { id } });
      return row && toMemberRecord(row);
    },
    findMemberByPhone: async (phone) => {
      const row = await prisma.member.findUnique({ where: { phone } });
      return row && toMemberRecord(row);
    },
    mutedTopics: async (memberId) => {
      const rows = await prisma.notificationMute.findMany({ where: { memberId }, select: { topic: true } });
      return rows.map((row) => row.topic).filter(isNotificationTopic);
    },
    setMuted: async (memberId, topic, muted) => {
      if (!muted) await prisma.notificationMute.deleteMany({ where: { memberId, topic } });
      else await prisma.notificationMute.upsert({ where: { memberId_topic: { memberId, topic } }, create: { memberId, topic }, update: {} });
    },
    setMemberLocale: async (memberId, locale) => {
      await prisma.member.updateMany({ where: { id: memberId }, data: { locale } });
    },
    enrol: (enrolment) => enrol(prisma, enrolment),
    credit: (credit) => credit_(prisma, credit),
    recentLedger: (memberId, limit) => recentLedger(prisma, memberId, limit),
    pointsExpiringBefore: (memberId, before) => pointsExpiringBefore(prisma, memberId, before),
  } satisfies Partial<Store>;
}

async function claimUpdate(prisma: Prisma, channel: Channel, updateId: string): Promise<boolean> {
  try {
    await prisma.processedUpdate.create({ data: { channel, updateId } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function createChat(prisma: Prisma, chat: Omit<ChatRecord, 'id' | 'version' | 'memberId' | 'unreachableAt'>): Promise<ChatRecord> {
  const { channel, address, locale, state, consentAt, consentVersion } = chat;
  try {
    const row = await prisma.chat.create({
      data: { id: crypto.randomUUID(), channel, address, locale, state: JSON.stringify(state), consentAt, consentVersion },
    });
    return toChatRecord(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await prisma.chat.findUniqueOrThrow({ where: { channel_address: { channel, address } } });
    return toChatRecord(existing);
  }
}

async function saveChat(prisma: Prisma, chatId: string, expectedVersion: number, change: { state?: ChatState; locale?: Locale }): Promise<boolean> {
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

async function enrol(prisma: Prisma, enrolment: Enrolment): Promise<EnrolmentResult> {
  try {
    const member = await prisma.$transaction((tx) => enrolInTransaction(tx, enrolment));
    return { ok: true, member: toMemberRecord(member) };
  } catch (error) {
    if (error instanceof ChatMovedOn) return { ok: false, reason: 'chat-changed' };
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, reason: uniqueTarget(error).includes('phone') ? 'phone-taken' : 'card-taken' };
  }
}

async function credit_(prisma: Prisma, credit: Credit): Promise<boolean> {
  try {
    await prisma.$transaction((tx) => creditInTransaction(tx, credit));
    return true;
  } catch (error) {
    if (isUniqueViolation(error) && uniqueTarget(error).includes('idempotencyKey')) return false;
    throw error;
  }
}

async function recentLedger(prisma: Prisma, memberId: string, limit: number): Promise<LedgerLine[]> {
  return prisma.ledgerEntry.findMany({
    where: { memberId },
    orderBy: { seq: 'desc' },
    take: limit,
    select: { kind: true, delta: true, balanceAfter: true, createdAt: true },
  });
}

async function pointsExpiringBefore(prisma: Prisma, memberId: string, before: Date) {
  const result = await prisma.ledgerEntry.aggregate({
    where: { memberId, remaining: { gt: 0 }, expiresAt: { not: null, lt: before } },
    _sum: { remaining: true },
    _min: { expiresAt: true },
  });
  return { points: result._sum.remaining ?? 0, firstExpiry: result._min.expiresAt ?? null };
}
