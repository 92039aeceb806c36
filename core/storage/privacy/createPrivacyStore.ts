import type { DataSummary, PrivacyStore } from '../../privacy/privacyPorts.ts';
import { isNotificationTopic } from '../../notifications/notificationTopics.ts';
import type { Database } from '../db/openDatabase.ts';
import { toMemberRecord } from '../members/records.ts';
import { eraseMember } from './eraseMember.ts';
import { exportMember } from './exportMember.ts';

/** Personal data on Prisma: export, erasure, and the summary the "My data" screen shows. */
export function createPrivacyStore(db: Database): PrivacyStore {
  return {
    exportMember: (memberId) => exportMember(db, memberId),
    erase: (request) => eraseMember(db, request),
    summary: (memberId) => summary(db, memberId),
  };
}

async function summary(db: Database, memberId: string): Promise<DataSummary | null> {
  const row = await db.prisma.member.findUnique({
    where: { id: memberId },
    include: { chats: { select: { channel: true } }, mutes: { select: { topic: true } } },
  });
  if (!row || row.erasedAt) return null;
  const tickets = await db.prisma.ticket.count({ where: { memberId } });
  const surveyAnswers = await db.prisma.surveyQuestion.count({ where: { memberId, status: 'answered' } });
  const quizzes = await db.prisma.quizAttempt.count({ where: { memberId } });
  const member = toMemberRecord(row);
  return {
    name: member.name,
    phone: member.phone,
    birthday: member.birthday,
    cardNumber: member.cardNumber,
    balance: member.balance,
    consent: { at: row.consentAt, version: row.consentVersion },
    channels: [...new Set(row.chats.map((chat) => chat.channel))],
    mutedTopics: row.mutes.map((mute) => mute.topic).filter(isNotificationTopic),
    purchases: member.purchaseCount,
    tickets,
    surveyAnswers,
    quizzes,
  };
}
