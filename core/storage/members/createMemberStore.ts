import type { Enrolment, EnrolmentResult, MemberStore } from '../../members/membersPorts.ts';
import type { ReferralClaim } from '../../referral/referralPorts.ts';
import { isNotificationTopic } from '../../notifications/notificationTopics.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { isUniqueViolation, uniqueTarget } from '../db/isUniqueViolation.ts';
import { ChatMovedOn, enrolInTransaction } from './enrolInTransaction.ts';
import { enrolWithoutChat } from './enrolWithoutChat.ts';
import { toMemberRecord } from './records.ts';
import { claimPhone, countPhoneAttempt } from './phoneOwnership.ts';
import { sendLinkCode } from './sendLinkCode.ts';
import { redeemLinkCode } from './linkCodes.ts';
import { chatsOf, setNotifyChannel, unlinkChat } from './memberChats.ts';

/** The core's `MemberStore` on Prisma; the same code serves SQLite and PostgreSQL. */
export function createMemberStore(db: Database): MemberStore {
  const prisma = db.prisma;
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
      else
        await prisma.notificationMute.upsert({
          where: { memberId_topic: { memberId, topic } },
          create: { memberId, topic },
          update: {},
        });
    },
    setMemberLocale: async (memberId, locale) => {
      await prisma.member.updateMany({ where: { id: memberId }, data: { locale } });
    },
    enrol: (enrolment) => enrol(prisma, enrolment),
    enrolAtTill: (enrolment) => enrolWithoutChat(db, enrolment),
    claimPhone: (claim) => claimPhone(db, claim),
    countPhoneAttempt: (chatId, at) => countPhoneAttempt(db, chatId, at),
    sendLinkCode: (request) => sendLinkCode(db, request),
    redeemLinkCode: (request) => redeemLinkCode(db, request),
    chatsOf: (memberId) => chatsOf(db, memberId),
    unlinkChat: (memberId, chatId) => unlinkChat(db, memberId, chatId),
    setNotifyChannel: (memberId, channel) => setNotifyChannel(db, memberId, channel),
  };
}

async function enrol(prisma: Prisma, enrolment: Enrolment & ReferralClaim): Promise<EnrolmentResult> {
  const { at, member: newMember, welcome, chatId, chatVersion, nextState, referralCode } = enrolment;
  const chat = { id: chatId, version: chatVersion, nextState };
  try {
    const member = await prisma.$transaction((tx) =>
      enrolInTransaction(tx, { at, member: newMember, welcome, chat, referralCode }),
    );
    return { ok: true, member: toMemberRecord(member), welcomeWithheld: member.welcomeWithheld };
  } catch (error) {
    if (error instanceof ChatMovedOn) return { ok: false, reason: 'chat-changed' };
    if (!isUniqueViolation(error)) throw error;
    return {
      ok: false,
      reason: /(^|[^A-Za-z])phone(?![A-Za-z])/.test(uniqueTarget(error)) ? 'phone-taken' : 'card-taken',
    };
  }
}
