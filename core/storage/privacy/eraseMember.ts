import type { ErasureOutcome, ErasureRequest } from '../../privacy/privacyPorts.ts';
import { recordAuditInTransaction } from '../audit/recordAudit.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { debitInTransaction, expireDueInTransaction } from '../points/lots.ts';
import { ensurePhoneSalt, erasedPhoneHash } from './erasedPhones.ts';
import { forgetChats, forgetTickets } from './forgetConversations.ts';
import type { Member } from '../members/records.ts';

/**
 * Erases a person in one transaction: either all of it happened or none.
 * The member row stays, emptied, as the anonymous owner of the ledger and
 * the purchases, so every total still adds up.
 */
export async function eraseMember(db: Database, request: ErasureRequest): Promise<ErasureOutcome> {
  await ensurePhoneSalt(db);
  return withTransactionRetry(db, (tx) => eraseInTransaction(tx, request));
}

async function eraseInTransaction(tx: Tx, request: ErasureRequest): Promise<ErasureOutcome> {
  const { memberId, at } = request;
  const row = await tx.member.findUnique({ where: { id: memberId } });
  if (!row) return { kind: 'member-not-found' };
  if (row.erasedAt) return { kind: 'member-erased' };
  if (row.cardNumber !== request.confirmCardNumber) return { kind: 'confirmation-mismatch' };
  const forfeitedPoints = await forfeitPoints(tx, memberId, at);
  await rememberWelcomedPhone(tx, row, at);
  await tx.retiredCard.create({ data: { cardNumber: row.cardNumber, retiredAt: at } });
  const chats = await forgetChats(tx, memberId);
  const { tickets, photoFileIds } = await forgetTickets(tx, memberId, at);
  await forgetMemberRows(tx, memberId);
  await tx.member.update({ where: { id: memberId }, data: anonymous(memberId, at) });
  await recordAuditInTransaction(tx, {
    at,
    actor: request.actor,
    action: 'member.erased',
    subject: `member:${memberId}`,
    before: { balance: row.balance, purchases: row.purchaseCount, chats, tickets },
    after: { erasedAt: at.toISOString(), forfeitedPoints },
  });
  return { kind: 'erased', cardNumber: row.cardNumber, forfeitedPoints, photoFileIds };
}

/** Unspent points leave with the person, by a ledger line, so the ledger still sums to the balance (now 0). */
async function forfeitPoints(tx: Tx, memberId: string, at: Date): Promise<number> {
  await expireDueInTransaction(tx, memberId, at);
  const { balance } = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: { balance: true } });
  if (balance > 0)
    await debitInTransaction(tx, {
      memberId,
      kind: 'erasure',
      points: balance,
      idempotencyKey: `erasure:${memberId}`,
      at,
    });
  return balance;
}

/** Only a phone that had its welcome bonus is remembered, as a salted hash: enough to refuse a second one. */
async function rememberWelcomedPhone(tx: Tx, row: Member, at: Date): Promise<void> {
  if (!row.phone) return;
  const welcomed = await tx.ledgerEntry.count({ where: { idempotencyKey: `welcome:${row.id}` } });
  if (welcomed === 0) return;
  const phoneHash = (await erasedPhoneHash(tx, row.phone))!;
  await tx.erasedPhone.upsert({ where: { phoneHash }, create: { phoneHash, erasedAt: at }, update: { erasedAt: at } });
}

/** What hangs off the member and means nothing without them: codes, mutes, messages queued to them, stored answers naming them. */
async function forgetMemberRows(tx: Tx, memberId: string): Promise<void> {
  await tx.oneTimeCode.deleteMany({ where: { memberId } });
  await tx.notificationMute.deleteMany({ where: { memberId } });
  await tx.outboxMessage.deleteMany({ where: { memberId } });
  // Answers kept for Idempotency-Key replays (an enrolment's answer holds the name and card).
  await tx.idempotentRequest.deleteMany({ where: { body: { contains: memberId } } });
  // Surveys: what they wrote goes, and nothing more is asked; the bare scores stay in the reports, anonymous.
  await tx.surveyQuestion.updateMany({ where: { memberId }, data: { comment: null } });
  await tx.surveyQuestion.updateMany({ where: { memberId, status: 'scheduled' }, data: { status: 'skipped' } });
}

function anonymous(memberId: string, at: Date) {
  return {
    name: '',
    searchName: '',
    phone: null,
    phoneDigitsReversed: null,
    phoneVerified: false,
    birthDay: null,
    birthMonth: null,
    birthYear: null,
    birthdaySetAt: null,
    referralCode: null,
    // Unique like a card number, but never one: the number itself is retired in RetiredCard.
    cardNumber: `erased:${memberId}`,
    erasedAt: at,
  };
}
