import type { MemberExport } from '../../privacy/privacyPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { exportActivity } from './exportActivity.ts';

/**
 * Everything held about one member, read in one transaction so the parts
 * agree; staff's internal notes too, as they are about the person; their
 * survey answers and quiz attempts (exportActivity.ts). Internal bookkeeping (optimistic versions, lot draws, outbox
 * delivery state, hashes) is left out: it says nothing about the person.
 */
export async function exportMember(db: Database, memberId: string): Promise<MemberExport | null> {
  return db.prisma.$transaction(async (tx) => {
    const row = await tx.member.findUnique({ where: { id: memberId } });
    if (!row) return null;
    const [chats, mutes, ledger, purchases, tickets, invitedMembers] = await Promise.all([
      tx.chat.findMany({ where: { memberId }, orderBy: { createdAt: 'asc' } }),
      tx.notificationMute.findMany({ where: { memberId } }),
      tx.ledgerEntry.findMany({ where: { memberId }, orderBy: { seq: 'asc' } }),
      tx.purchase.findMany({ where: { memberId }, orderBy: { createdAt: 'asc' } }),
      tx.ticket.findMany({ where: { memberId }, orderBy: { openedAt: 'asc' }, include: { messages: true } }),
      tx.member.count({ where: { referredById: memberId } }),
    ]);
    return {
      erasedAt: row.erasedAt,
      member: without(row, 'searchName', 'ledgerSeq', 'referralCode', 'referredById', 'consentAt', 'consentVersion'),
      consent: { at: row.consentAt, version: row.consentVersion },
      chats: chats.map((chat) => without(chat, 'state', 'version', 'memberId')),
      notificationMutes: mutes.map((mute) => ({ topic: mute.topic, since: mute.createdAt })),
      ledger: ledger.map((entry) => without(entry, 'memberId', 'idempotencyKey')),
      purchases: purchases.map((purchase) => without(purchase, 'memberId', 'requestHash')),
      tickets: tickets.map((ticket) => ({
        ...without(ticket, 'memberId', 'deskRef', 'announcements', 'nextAnnounceAt', 'messages'),
        messages: ticket.messages
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
          .map((message) => without(message, 'ticketId', 'sourceKey')),
      })),
      referral: { code: row.referralCode, referredById: row.referredById, invitedMembers },
      ...(await exportActivity(tx, row)),
    };
  });
}

/** A row without its bookkeeping columns. */
function without<T extends object, K extends keyof T>(row: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...row };
  for (const key of keys) delete copy[key];
  return copy;
}
