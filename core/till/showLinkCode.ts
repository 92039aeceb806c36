import { formatLinkCode, LINK_CODE_LIFETIME_MS, newLinkCode } from '../members/linkCode.ts';
import { message, type Outbound } from '../outbound.ts';
import { loadMemberAtTill } from './loadMemberAtTill.ts';
import { tillPrompt } from './tillPrompt.ts';
import type { TillTurn } from './tillTurn.ts';

/**
 * The member in front of the cashier gets a one-time code for their chat:
 * typed at the phone step in Telegram, Viber or the web chat, it connects
 * that chat to this card. This is how a member enrolled at the till, or one
 * whose number cannot be proven, reaches their card from a chat.
 */
export async function showLinkCode(turn: TillTurn): Promise<Outbound[]> {
  const { t } = turn;
  const { state } = turn.cashier;
  if (state.step !== 'amount') return [message(t('till.staleButton')), await tillPrompt(turn, state)];
  const loaded = await loadMemberAtTill(turn, state.memberId);
  if (!loaded) return [message(t('till.memberGone')), await tillPrompt(turn, state)];
  const code = newLinkCode();
  await turn.deps.till.issueLinkCode(state.memberId, code, new Date(turn.now.getTime() + LINK_CODE_LIFETIME_MS));
  const shown = message(t('till.linkCode', { name: loaded.member.name, code: formatLinkCode(code) }));
  return [{ ...shown, ephemeral: true }, await tillPrompt(turn, state)];
}
