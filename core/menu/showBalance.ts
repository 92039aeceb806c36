import { daysAfter } from '../program/days.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import { withMenu } from './mainMenu.ts';
import { formatDate } from './formatDate.ts';
import type { Outbound } from '../outbound.ts';
import { tierFor } from '../points/tierFor.ts';

/** Points, tier and discount, stamp card progress and the points about to expire. */
export async function showBalance(turn: Turn, stale: MemberRecord): Promise<Outbound> {
  return withMenu(turn, await balanceText(turn, stale));
}

/** The balance screen's text, for screens with buttons of their own (a conversation with staff). */
export async function balanceText(turn: Turn, stale: MemberRecord): Promise<string> {
  const { t, deps, locale, now } = turn;
  // Expired points vanish from the balance the moment they expire, not when a sweep passes.
  const member = (await deps.points.currentMember(stale.id)) ?? stale;
  const rules = await deps.points.rules();
  const lines = [t('balance.text', { points: t('points', { count: member.balance }) })];
  const tier = tierFor(rules, member);
  lines.push(t('balance.tier', { tier: t(`tier.${tier.code}`, { defaultValue: tier.code }) }));
  if (tier.discountPercent > 0) lines.push(t('balance.discount', { percent: tier.discountPercent }));
  if (rules.stampCard.enabled) lines.push(t('purchase.stamps', { count: member.stamps, every: rules.stampCard.every }));
  const horizon = daysAfter(now, deps.settings.expiryWarningDays);
  const expiring = await deps.ledger.pointsExpiringBefore(member.id, horizon);
  if (expiring.points > 0 && expiring.firstExpiry) {
    const date = formatDate(expiring.firstExpiry, locale, deps.settings.timezone);
    lines.push(t('balance.expiring', { points: t('points', { count: expiring.points }), date }));
  }
  return lines.join('\n');
}
