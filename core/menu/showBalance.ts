import type { MemberRecord } from '../ports.ts';
import type { Turn } from '../conversation/turn.ts';
import { withMenu } from './mainMenu.ts';
import { formatDate } from './formatDate.ts';
import type { Outbound } from '../outbound.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Points, tier and the points about to expire, if any. */
export async function showBalance(turn: Turn, member: MemberRecord): Promise<Outbound> {
  const { t, deps, locale, now } = turn;
  const lines = [t('balance.text', { points: t('points', { count: member.balance }) })];
  if (member.tier) lines.push(t('balance.tier', { tier: t(`tier.${member.tier}`, { defaultValue: member.tier }) }));
  const horizon = new Date(now.getTime() + deps.settings.expiryWarningDays * DAY_MS);
  const expiring = await deps.store.pointsExpiringBefore(member.id, horizon);
  if (expiring.points > 0 && expiring.firstExpiry) {
    const date = formatDate(expiring.firstExpiry, locale, deps.settings.timezone);
    lines.push(t('balance.expiring', { points: t('points', { count: expiring.points }), date }));
  }
  return withMenu(t, lines.join('\n'));
}
