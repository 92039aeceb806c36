import { message, type Outbound } from '../outbound.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { quotePurchase, type PurchaseQuote } from '../points/quotePurchase.ts';
import { cancelRow } from './tillMessages.ts';
import { mayRedeemWith } from './mayRedeemWith.ts';
import { tillPayload } from './tillPayloads.ts';
import type { TillState } from './tillState.ts';
import { moneyIn, type TillTurn } from './tillTurn.ts';

type Choice = Extract<TillState, { step: 'choice' }>;
type Summary = Extract<TillState, { step: 'confirm' }>;
export type AcceptedQuote = Extract<PurchaseQuote, { ok: true }>;

/** The quote for this member and amount, paying `redeemPoints` with points. */
export function quoteFor(
  rules: ProgramRules,
  member: MemberRecord,
  amount: number,
  redeemPoints: number,
): PurchaseQuote {
  return quotePurchase(rules, { ...member, amount, redeemPoints });
}

/** Earn only, or spend as many points as the rules allow (N) and earn on the rest. */
export function choiceScreen(turn: TillTurn, rules: ProgramRules, member: MemberRecord, state: Choice): Outbound {
  const { t } = turn;
  const money = moneyIn(turn, rules);
  const quote = quoteFor(rules, member, state.amount, 0);
  const lines = [t('till.choice.amount', { amount: money(state.amount) })];
  if (quote.ok && quote.discountAmount > 0)
    lines.push(t('till.choice.discount', { percent: quote.discountPercent, amount: money(quote.discountAmount) }));
  lines.push(t('till.choice.question', { name: member.name }));
  const buttons = [[{ label: t('till.earnOnlyButton'), payload: tillPayload.earnOnly(state.ref) }]];
  if (quote.maxRedeemable > 0 && mayRedeemWith(rules, state.reference)) {
    buttons.push([
      {
        label: t('till.spendButton', { points: t('points', { count: quote.maxRedeemable }) }),
        payload: tillPayload.spend(state.ref),
      },
    ]);
  }
  return message(lines.join('\n'), [...buttons, cancelRow(t)]);
}

/** What the cashier is about to record, with Confirm tied to this very receipt. */
export function summaryScreen(
  turn: TillTurn,
  rules: ProgramRules,
  member: MemberRecord,
  state: Summary,
  quote: AcceptedQuote,
): Outbound {
  const { t } = turn;
  const money = moneyIn(turn, rules);
  const lines = [
    t('till.summary.title', { name: member.name }),
    t('till.summary.amount', { amount: money(state.amount) }),
    t('till.summary.discount', { percent: quote.discountPercent, amount: money(quote.discountAmount) }),
  ];
  if (quote.redeemedPoints > 0)
    lines.push(
      t('till.summary.redeemed', {
        points: t('points', { count: quote.redeemedPoints }),
        amount: money(quote.redeemedAmount),
      }),
    );
  lines.push(t('till.summary.toPay', { amount: money(quote.paidAmount) }));
  lines.push(t('till.summary.earned', { points: t('points', { count: quote.earnedPoints }) }));
  if (quote.freeItem) lines.push(t('till.summary.freeItem'));
  const confirm = { label: t('till.confirmButton'), payload: tillPayload.confirm(state.receiptId) };
  return message(lines.join('\n'), [[confirm, ...cancelRow(t)]]);
}
