import { randomUUID } from 'node:crypto';
import { message, type Outbound } from '../outbound.ts';
import { loadMemberAtTill } from './loadMemberAtTill.ts';
import { askMember } from './tillMessages.ts';
import { mayRedeemWith } from './mayRedeemWith.ts';
import { quoteFor, summaryScreen } from './tillScreens.ts';
import type { TillState } from './tillState.ts';
import { saveTillState, type TillTurn } from './tillTurn.ts';

type Choice = Extract<TillState, { step: 'choice' }>;

/**
 * Earn only, or spend points: the summary follows, and its receipt id is
 * fixed here, once, so that every press of its Confirm names the same receipt
 * and the engine records it once however often it is pressed.
 */
export async function chooseRedemption(turn: TillTurn, state: Choice, spend: boolean): Promise<Outbound[]> {
  const { t } = turn;
  const loaded = await loadMemberAtTill(turn, state.memberId);
  if (!loaded) {
    await saveTillState(turn, { v: 1, step: 'member' });
    return [message(t('till.memberGone')), askMember(t)];
  }
  const { rules, member } = loaded;
  // N is worked out again on today's balance rather than trusted from the button.
  // A forged Spend press for a member named by phone earns only, as the screen offered.
  const redeemPoints =
    spend && mayRedeemWith(rules, state.reference) ? quoteFor(rules, member, state.amount, 0).maxRedeemable : 0;
  const quote = quoteFor(rules, member, state.amount, redeemPoints);
  if (!quote.ok)
    throw new Error(
      `The till asked for ${redeemPoints} points, the most the quote allowed, and the quote refused them (${quote.reason}).`,
    );
  const { memberId, reference, amount } = state;
  const next = {
    v: 1,
    step: 'confirm',
    memberId,
    reference,
    amount,
    redeemPoints,
    receiptId: `till-${randomUUID()}`,
  } as const;
  await saveTillState(turn, next);
  return [summaryScreen(turn, rules, member, next, quote)];
}
