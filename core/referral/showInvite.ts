import type { Turn } from '../conversation/turn.ts';
import type { Translate } from '../i18n/translator.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { startPayloadFor } from './referralCode.ts';

/**
 * "Invite a friend": what the member and the friend get, the member's
 * Telegram deep link (when this deployment names its bot and the member is
 * in Telegram) and the code, which a friend can also send in the web chat.
 */
export async function showInvite(turn: Turn, member: MemberRecord): Promise<Outbound> {
  const { t, deps } = turn;
  const referrals = deps.referrals ?? null;
  if (!referrals) return withMenu(turn, t('referral.unavailable'));
  const [code, rules] = await Promise.all([referrals.codeFor(member.id), deps.points.rules()]);
  const lines = [t('referral.invite.intro'), ...rewardLines(t, rules)];
  const link = telegramLink(turn, code);
  if (link) lines.push('', t('referral.invite.link', { link }));
  lines.push(
    '',
    t('referral.invite.code', { code }),
    t('referral.invite.howToUse', { command: `/start ${startPayloadFor(code)}` }),
  );
  return withMenu(turn, lines.join('\n'));
}

function rewardLines(t: Translate, rules: ProgramRules): string[] {
  const { referrerBonus, friendBonus, capPerPeriod, periodDays } = rules.referral;
  const yours = t('points', { count: referrerBonus });
  const theirs = t('points', { count: friendBonus });
  const lines: string[] = [];
  if (referrerBonus > 0 && friendBonus > 0) lines.push(t('referral.invite.rewardBoth', { yours, theirs }));
  else if (referrerBonus > 0) lines.push(t('referral.invite.rewardYou', { yours }));
  else if (friendBonus > 0) lines.push(t('referral.invite.rewardFriend', { theirs }));
  if (referrerBonus > 0 && capPerPeriod > 0)
    lines.push(t('referral.invite.cap', { count: capPerPeriod, days: t('referral.days', { count: periodDays }) }));
  return lines;
}

/** The deep link opens our Telegram bot with the code; shown only where it makes sense. */
function telegramLink(turn: Turn, code: string): string | null {
  const username = turn.deps.settings.botUsername;
  if (!username || turn.inbound.channel === 'web') return null;
  return `https://t.me/${username}?start=${startPayloadFor(code)}`;
}
