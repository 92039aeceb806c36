import type { Credit, Enrolment } from '../../ports.ts';
import type { Member } from '../members/records.ts';
import type { Prisma } from '../db/openDatabase.ts';
import type { ReferralClaim } from '../../referral/referrals.ts';
import { referrerForEnrolment } from '../referral/createReferralStore.ts';

/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/**
 * Adds a lot of points: the balance moves by one relative update and the
 * ledger line records the balance it produced. A reused idempotency key makes
 * the insert fail, which rolls the balance change back with it.
 */
export async function creditInTransaction(tx: Tx, credit: Credit): Promise<Member> {
  if (!Number.isSafeInteger(credit.points) || credit.points <= 0) {
    throw new RangeError(`A credit must be a positive whole number of points, got ${credit.points}.`);
  }
  const member = await tx.member.update({ where: { id: credit.memberId }, data: { balance: { increment: credit.points }, ledgerSeq: { increment: 1 } } });
  await tx.ledgerEntry.create({
    data: {
      id: crypto.randomUUID(),
      memberId: credit.memberId,
      seq: member.ledgerSeq,
      kind: credit.kind,
      delta: credit.points,
      balanceAfter: member.balance,
      remaining: credit.points,
      expiresAt: credit.expiresAt,
      idempotencyKey: credit.idempotencyKey,
      createdAt: credit.at,
    },
  });
  return member;
}

/** Thrown inside the enrolment transaction to roll it back when the chat moved on. */
export class ChatMovedOn extends Error {}

/** Member, welcome bonus and the chat's next state, all or nothing. */
export async function enrolInTransaction(tx: Tx, enrolment: Enrolment & ReferralClaim): Promise<Member> {
  const { member, welcome } = enrolment;
  // Referral: the inviter, remembered now and rewarded at the first purchase (core/storage/referral/createReferralStore.ts).
  const referredById = await referrerForEnrolment(tx, enrolment.referralCode, member);
  let row = await tx.member.create({ data: { ...memberRow(enrolment, member.id), referredById } });
  if (welcome) {
    row = await creditInTransaction(tx, {
      memberId: member.id,
      kind: 'welcome',
      points: welcome.points,
      idempotencyKey: `welcome:${member.id}`,
      expiresAt: welcome.expiresAt,
      at: enrolment.at,
    });
  }
  const moved = await tx.chat.updateMany({
    where: { id: enrolment.chatId, version: enrolment.chatVersion },
    data: { memberId: member.id, state: JSON.stringify(enrolment.nextState), version: { increment: 1 } },
  });
  if (moved.count !== 1) throw new ChatMovedOn();
  return row;
}

function memberRow(enrolment: Enrolment, id: string) {
  const { member } = enrolment;
  return {
    id,
    cardNumber: member.cardNumber,
    name: member.name,
    phone: member.phone,
    birthDay: member.birthday?.day ?? null,
    birthMonth: member.birthday?.month ?? null,
    birthYear: member.birthday?.year ?? null,
    birthdaySetAt: member.birthdaySetAt,
    locale: member.locale,
    consentAt: member.consentAt,
    consentVersion: member.consentVersion,
    createdAt: enrolment.at,
  };
}
