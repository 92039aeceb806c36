import type { TillEnrolment, TillEnrolmentResult } from '../../members/membersPorts.ts';
import { newCardNumber } from '../../members/cardNumber.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation, uniqueTarget } from '../db/isUniqueViolation.ts';
import { enrolInTransaction } from './enrolInTransaction.ts';
import { toMemberRecord } from './records.ts';
import { retry, TryAgainError } from '../../errors.ts';

const CARD_ATTEMPTS = 3;

/**
 * Issues a card without a chat: the member and the welcome bonus are one
 * transaction. When the person later opens the bot and shares this phone,
 * the chat is linked to this member.
 */
export async function enrolWithoutChat(db: Database, enrolment: TillEnrolment): Promise<TillEnrolmentResult> {
  const { at, name, phone, locale, consentVersion, welcome } = enrolment;
  const exhausted = () =>
    new Error(
      `Could not find a free card number after ${CARD_ATTEMPTS} attempts; the card number space may be exhausted.`,
    );
  return retry({ attempts: CARD_ATTEMPTS, exhausted }, async () => {
    const member = {
      id: crypto.randomUUID(),
      cardNumber: newCardNumber(),
      name,
      phone,
      // Typed by a cashier: proven later, when the person shares it from their messenger.
      phoneVerified: false,
      locale,
      birthday: null,
      birthdaySetAt: null,
      consentAt: at,
      consentVersion,
    };
    try {
      const row = await db.prisma.$transaction((tx) => enrolInTransaction(tx, { at, member, welcome }));
      return { ok: true, member: toMemberRecord(row) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // `phoneVerified` may be named in the message too: the column itself is meant.
      if (/(^|[^A-Za-z])phone(?![A-Za-z])/.test(uniqueTarget(error))) return { ok: false, reason: 'phone-taken' };
      throw new TryAgainError('the random card number was taken');
    }
  });
}
