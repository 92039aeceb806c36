import { message, type Outbound } from '../outbound.ts';
import type { PurchaseOutcome } from '../points/pointsPorts.ts';
import { newScreenRef } from './answerAmountStep.ts';
import { loadMemberAtTill } from './loadMemberAtTill.ts';
import { purchaseResult } from './purchaseResult.ts';
import { askMember, askNextMember } from './tillMessages.ts';
import { choiceScreen } from './tillScreens.ts';
import type { TillState } from './tillState.ts';
import { saveTillState, type TillTurn } from './tillTurn.ts';

type Summary = Extract<TillState, { step: 'confirm' }>;

/**
 * Confirm: the purchase is recorded under the receipt id fixed with the
 * summary. The engine writes the member's notification to the outbox in the
 * same transaction; the till only tells the cashier what happened.
 */
export async function confirmPurchase(turn: TillTurn, state: Summary): Promise<Outbound[]> {
  const { receiptId, reference: member, amount, redeemPoints } = state;
  const outcome = await turn.deps.points.recordPurchase({
    member,
    receiptId,
    amount,
    redeemPoints,
    source: 'till',
    recordedBy: `cashier:${turn.cashier.staffId}`,
  });
  // Which cashier recorded what: the purchase row itself does not name the staff member.
  const purchaseId = 'purchase' in outcome ? outcome.purchase.id : undefined;
  turn.deps.log.info({ staffId: turn.cashier.staffId, receiptId, purchaseId, outcome: outcome.kind }, 'till purchase');
  return answerOutcome(turn, state, outcome);
}

async function answerOutcome(turn: TillTurn, state: Summary, outcome: PurchaseOutcome): Promise<Outbound[]> {
  const { t } = turn;
  switch (outcome.kind) {
    case 'recorded':
    case 'replayed': {
      await saveTillState(turn, { v: 1, step: 'member', last: state.receiptId });
      const rules = await turn.deps.points.rules();
      return [purchaseResult(turn, rules, outcome.purchase, outcome.member), askNextMember(t)];
    }
    case 'refused':
      return offerChoiceAgain(turn, state, outcome.maxRedeemable);
    case 'code-invalid':
      return startOver(turn, 'till.codeUnknown');
    case 'code-expired':
      return startOver(turn, 'till.codeExpired');
    case 'member-not-found':
      return startOver(turn, 'till.memberGone');
    case 'receipt-conflict':
    case 'invalid-request':
      // Neither can come from the till (fresh UUID receipts, amounts checked on entry): our bug, logged.
      turn.deps.log.error(
        { receiptId: state.receiptId, outcome: outcome.kind },
        'the engine refused a purchase entered at the till',
      );
      return startOver(turn, 'till.failed');
  }
}

/** The balance changed since the summary (another purchase, expiry): choose again on the new figures. */
async function offerChoiceAgain(turn: TillTurn, state: Summary, maxRedeemable: number): Promise<Outbound[]> {
  const { t } = turn;
  const loaded = await loadMemberAtTill(turn, state.memberId);
  if (!loaded) return startOver(turn, 'till.memberGone');
  const { memberId, reference, amount } = state;
  const next = { v: 1, step: 'choice', memberId, reference, amount, ref: newScreenRef() } as const;
  await saveTillState(turn, next);
  const changed = message(t('till.redeemChanged', { points: t('points', { count: maxRedeemable }) }));
  return [changed, choiceScreen(turn, loaded.rules, loaded.member, next)];
}

async function startOver(turn: TillTurn, reason: string): Promise<Outbound[]> {
  await saveTillState(turn, { v: 1, step: 'member' });
  return [message(turn.t(reason)), askMember(turn.t)];
}
