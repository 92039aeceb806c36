import type { MemberRecord } from '../ports.ts';
import type { Turn } from '../conversation/turn.ts';
import type { Outbound } from '../outbound.ts';
import { formatCardNumber } from '../members/cardNumber.ts';
import { cardQrCode } from './cardQrCode.ts';

/** The loyalty card: its number and a QR code the till can scan. */
export async function showCard(turn: Turn, member: MemberRecord): Promise<Outbound> {
  const png = cardQrCode(member.cardNumber);
  const card = formatCardNumber(member.cardNumber);
  return { text: turn.t('card.caption', { card, name: member.name }), image: { png, alt: turn.t('card.alt', { card }) } };
}
