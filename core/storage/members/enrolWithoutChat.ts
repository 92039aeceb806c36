import type { Locale } from '../../i18n/locale.ts';
import type { MemberRecord } from '../../ports.ts';
import { newCardNumber } from '../../members/cardNumber.ts';
import { creditInTransaction, type Tx } from '../points/ledgerWrites.ts';
import type { Database } from '../db/openDatabase.ts';
import { toMemberRecord } from './records.ts';
import { isUniqueViolation, uniqueTarget } from '../db/isUniqueViolation.ts';

/** Someone enrolled at the till by a point-of-sale system: no chat yet, consent given to the cashier. */
export interface ApiEnrolment {
  /** When the card is issued, by the core's clock. */
  at: Date;
  name: string;
  /** E.164, already normalized. */
  phone: string;
  locale: Locale;
  consentVersion: string;
  welcome: { points: number; expiresAt: Date | null } | null;
}

export type ApiEnrolmentResult = { ok: true; member: MemberRecord } | { ok: false; reason: 'phone-taken' };

const CARD_ATTEMPTS = 3;

/**
 * Issues a card without a chat: the member and the welcome bonus are one
 * transaction. When the person later opens the bot and shares this phone,
 * the chat is linked to this member.
 */
export async function enrolWithoutChat(db: Database, enrolment: ApiEnrolment): Promise<ApiEnrolmentResult> {
  for (let attempt = 0; attempt < CARD_ATTEMPTS; attempt++) {
    try {
      const row = await db.prisma.$transaction((tx) => enrolInTransaction(tx, enrolment, newCardNumber()));
      return { ok: true, member: toMemberRecord(row) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (uniqueTarget(error).includes('phone')) return { ok: false, reason: 'phone-taken' };
      // The random card number was taken: another one is tried.
    }
  }
  throw new Error(`Could not find a free card number after ${CARD_ATTEMPTS} attempts; the card number space may be exhausted.`);
}

async function enrolInTransaction(tx: Tx, enrolment: ApiEnrolment, cardNumber: string) {
  const id = crypto.randomUUID();
  const { at, name, phone, locale, consentVersion, welcome } = enrolment;
  const row = await tx.member.create({ data: { id, cardNumber, name, phone, locale, consentAt: at, consentVersion, createdAt: at } });
  if (!welcome) return row;
  return creditInTransaction(tx, { memberId: id, kind: 'welcome', points: welcome.points, idempotencyKey: `welcome:${id}`, expiresAt: welcome.expiresAt, at });
}
