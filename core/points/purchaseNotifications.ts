import type { Translator } from '../i18n/translator.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { formatMoney } from './formatMoney.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { PurchaseRecord } from './pointsPorts.ts';

/** What a member is told about a purchase at once, in their own language. */
export function purchaseNotifications(
  translator: Translator,
  rules: ProgramRules,
  purchase: PurchaseRecord,
  member: MemberRecord,
): Notification[] {
  const t = translator.forLocale(member.locale);
  const money = (amount: number) => formatMoney(amount, rules.currency, member.locale);
  const lines = [t('purchase.recorded', { amount: money(purchase.amount) })];
  if (purchase.discountAmount > 0)
    lines.push(t('purchase.discount', { percent: purchase.discountPercent, amount: money(purchase.discountAmount) }));
  if (purchase.redeemedPoints > 0)
    lines.push(
      t('purchase.redeemed', {
        points: t('points', { count: purchase.redeemedPoints }),
        amount: money(purchase.redeemedAmount),
      }),
    );
  if (purchase.earnedPoints > 0)
    lines.push(t('purchase.earned', { points: t('points', { count: purchase.earnedPoints }) }));
  if (purchase.freeItem) lines.push(t('purchase.freeItem'));
  else if (rules.stampCard.enabled)
    lines.push(t('purchase.stamps', { count: member.stamps, every: rules.stampCard.every }));
  lines.push(t('purchase.balance', { points: t('points', { count: member.balance }) }));
  const notifications: Notification[] = [
    {
      memberId: member.id,
      dedupeKey: `purchase:${purchase.id}`,
      message: { text: lines.join('\n') },
      topic: 'purchases',
    },
  ];
  const change = tierChange(translator, rules, member, purchase.tierBefore, purchase.tierAfter, `tier:${purchase.id}`);
  return change ? [...notifications, change] : notifications;
}

/** Every tier change is announced, up or down, in the member's language. */
function tierChange(
  translator: Translator,
  rules: ProgramRules,
  member: MemberRecord,
  before: string | null,
  after: string | null,
  dedupeKey: string,
): Notification | null {
  if (!after || after === before) return null;
  const t = translator.forLocale(member.locale);
  const tier = t(`tier.${after}`, { defaultValue: after });
  const key = tierRank(rules, after) > tierRank(rules, before) ? 'tier.up' : 'tier.down';
  return { memberId: member.id, dedupeKey, message: { text: t(key, { tier }) }, topic: 'purchases' };
}

/** What a member is told when a purchase is refunded. */
export function refundNotifications(
  translator: Translator,
  rules: ProgramRules,
  purchase: PurchaseRecord,
  member: MemberRecord,
  tierBefore: string | null,
): Notification[] {
  const t = translator.forLocale(member.locale);
  const lines = [t('refund.recorded', { amount: formatMoney(purchase.amount, rules.currency, member.locale) })];
  if (purchase.redeemedPoints > 0)
    lines.push(t('refund.returned', { points: t('points', { count: purchase.redeemedPoints }) }));
  const takenBack = purchase.earnedPoints - purchase.refundShortfall;
  if (takenBack > 0) lines.push(t('refund.takenBack', { points: t('points', { count: takenBack }) }));
  lines.push(t('purchase.balance', { points: t('points', { count: member.balance }) }));
  const refund: Notification = {
    memberId: member.id,
    dedupeKey: `refund:${purchase.id}`,
    message: { text: lines.join('\n') },
    topic: 'purchases',
  };
  const change = tierChange(translator, rules, member, tierBefore, member.tier, `tier:refund:${purchase.id}`);
  return change ? [refund, change] : [refund];
}

function tierRank(rules: ProgramRules, code: string | null): number {
  return rules.tiers.findIndex((tier) => tier.code === code);
}
