import type { MemberRecord } from '../members/membersPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import type { Outbound } from '../outbound.ts';
import { formatCardNumber } from '../members/cardNumber.ts';
import { qrCodePng } from './qrCodePng.ts';
import { formatTime } from './formatDate.ts';
import { menuPayload } from '../payloads.ts';
import { backToMenuRow } from './mainMenu.ts';
import { prizeCodeLines } from '../contests/prizeCodeLines.ts';

/**
 * The loyalty card: its number, and a one-time code (with its QR) that the
 * till scans or types; a photo of the screen is useless minutes later.
 */
export async function showCard(turn: Turn, member: MemberRecord): Promise<Outbound> {
  const { t, deps } = turn;
  const card = formatCardNumber(member.cardNumber);
  const { code, expiresAt } = await deps.points.issueCode(member.id);
  const time = formatTime(expiresAt, turn.locale, deps.settings.timezone);
  const prizes = await prizeCodeLines(turn, member.id);
  const text = `${t('card.caption', { card, name: member.name })}\n${t('card.code', { code, time })}${prizes}`;
  // The code outlives no one's patience: "New code" issues a fresh one without going back to the menu.
  const buttons = [[{ label: t('card.newCode'), payload: menuPayload('card') }], backToMenuRow(t)];
  const stale = {
    inMs: expiresAt.getTime() - turn.now.getTime(),
    text: `${t('card.caption', { card, name: member.name })}\n${t('card.codeExpired')}`,
  };
  return { text, image: { png: qrCodePng(code), alt: t('card.alt', { card }) }, buttons, ephemeral: true, stale };
}
