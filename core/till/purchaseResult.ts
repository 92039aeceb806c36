import { message, type Outbound } from '../outbound.ts';
import type { PurchaseRecord } from '../points/pointsPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { moneyIn, type TillTurn } from './tillTurn.ts';

/** What was recorded, from the purchase itself (the engine's figures, not the summary's). */
export function purchaseResult(
  turn: TillTurn,
  rules: ProgramRules,
  purchase: PurchaseRecord,
  member: MemberRecord,
): Outbound {
  const { t } = turn;
  const money = moneyIn(turn, rules);
  const points = (count: number) => t('points', { count });
  const lines = [t('till.result.title', { amount: money(purchase.amount), name: member.name })];
  if (purchase.discountAmount > 0)
    lines.push(
      t('till.result.discount', { percent: purchase.discountPercent, amount: money(purchase.discountAmount) }),
    );
  if (purchase.redeemedPoints > 0)
    lines.push(
      t('till.result.redeemed', { points: points(purchase.redeemedPoints), amount: money(purchase.redeemedAmount) }),
    );
  lines.push(t('till.result.toPay', { amount: money(purchase.paidAmount) }));
  lines.push(t('till.result.earned', { points: points(purchase.earnedPoints) }));
  if (purchase.freeItem) lines.push(t('till.result.freeItem'));
  lines.push(t('till.result.balance', { points: points(member.balance) }));
  return message(lines.join('\n'));
}
