import type { Birthday } from '../../members/membersPorts.ts';
import type { ChatState } from '../../conversation/chatState.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Tx } from '../db/openDatabase.ts';
import { creditInTransaction } from '../points/creditInTransaction.ts';
import { referrerForEnrolment } from '../referral/createReferralStore.ts';
import type { Member } from './records.ts';
import { searchName } from '../../members/searchName.ts';
import { reversedPhoneDigits } from '../../members/reversedPhoneDigits.ts';
import { TryAgainError } from '../../errors.ts';
import { welcomeWithheld } from '../privacy/erasedPhones.ts';
import { countNewMemberInTransaction } from '../analytics/countNewMember.ts';

/** A new member as storage writes them, from a chat or from the till. */
export interface NewMember {
  /** When the card is issued, by the core's clock. */
  at: Date;
  member: {
    id: string;
    cardNumber: string;
    name: string;
    phone: string;
    phoneVerified: boolean;
    birthday: Birthday | null;
    birthdaySetAt: Date | null;
    locale: Locale;
    consentAt: Date;
    consentVersion: string;
  };
  welcome: { points: number; expiresAt: Date | null } | null;
  /** The chat that enrolled them, moved on to its next state in the same transaction; none at the till. */
  chat?: { id: string; version: number; nextState: ChatState };
  /** The invitation code a newcomer came with (`/start ref_<code>`). */
  referralCode?: string;
}

/** Thrown inside the enrolment transaction to roll it back when the chat moved on. */
export class ChatMovedOn extends Error {}

/** The new member's row; `welcomeWithheld` when this phone had its welcome bonus before its data was erased. */
export type EnrolledMember = Member & { welcomeWithheld: boolean };

/** Member, welcome bonus and the chat's next state, all or nothing. */
export async function enrolInTransaction(tx: Tx, enrolment: NewMember): Promise<EnrolledMember> {
  const { member, at, chat } = enrolment;
  // A card number retired by an erasure is never issued again; the caller draws another.
  if (await tx.retiredCard.findUnique({ where: { cardNumber: member.cardNumber } }))
    throw new TryAgainError('the random card number was retired');
  // Referral: the inviter, remembered now and rewarded at the first purchase (core/storage/referral/).
  const referredById = await referrerForEnrolment(tx, enrolment.referralCode, member);
  let row = await tx.member.create({ data: { ...memberRow(enrolment), referredById } });
  await countNewMemberInTransaction(tx, row.createdAt);
  const withheld = enrolment.welcome !== null && (await welcomeWithheld(tx, member.phone, at));
  const welcome = withheld ? null : enrolment.welcome;
  if (welcome) {
    const { points, expiresAt } = welcome;
    row = await creditInTransaction(tx, {
      memberId: member.id,
      kind: 'welcome',
      points,
      idempotencyKey: `welcome:${member.id}`,
      expiresAt,
      at,
    });
  }
  if (!chat) return { ...row, welcomeWithheld: withheld };
  const moved = await tx.chat.updateMany({
    where: { id: chat.id, version: chat.version },
    data: { memberId: member.id, state: JSON.stringify(chat.nextState), version: { increment: 1 } },
  });
  if (moved.count !== 1) throw new ChatMovedOn();
  return { ...row, welcomeWithheld: withheld };
}

function memberRow({ member, at }: NewMember) {
  return {
    id: member.id,
    cardNumber: member.cardNumber,
    name: member.name,
    searchName: searchName(member.name),
    phone: member.phone,
    phoneDigitsReversed: reversedPhoneDigits(member.phone),
    phoneVerified: member.phoneVerified,
    birthDay: member.birthday?.day ?? null,
    birthMonth: member.birthday?.month ?? null,
    birthYear: member.birthday?.year ?? null,
    birthdaySetAt: member.birthdaySetAt,
    locale: member.locale,
    consentAt: member.consentAt,
    consentVersion: member.consentVersion,
    createdAt: at,
  };
}
