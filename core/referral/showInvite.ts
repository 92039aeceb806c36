import type { Turn } from '../conversation/turn.ts';
import type { Translate } from '../i18n/translator.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { startPayloadFor } from './referralCode.ts';

/**
 * "Invite a friend": what the member and the friend get, the member's
 * deep links (Telegram's and Viber's, where this deployment names its bots)
 * and the code, which a friend can also send in the web chat.
 */
export async function showInvite(turn: Turn, member: MemberRecord): Promise<Outbound> {
  const { t, deps } = turn;
  const referrals = deps.referrals ?? null;
  if (!referrals) return withMenu(turn, t('referral.unavailable'));
  const [code, rules] = await Promise.all([referrals.codeFor(member.id), deps.points.rules()]);
  const lines = [t('referral.invite.intro'), ...rewardLines(t, rules)];
  const links = inviteLinks(turn, code);
  if (links.length === 1) lines.push('', t('referral.invite.link', { link: links[0]!.link }));
  if (links.length > 1)
    lines.push(
      '',
      t('referral.invite.links'),
      ...links.map(({ channel, link }) => t('referral.invite.linkIn', { channel: t(`desk.channel.${channel}`), link })),
    );
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

/**
 * Deep links that open our bot with the code, in each messenger this
 * deployment names; the member's own messenger first, since friends tend to
 * share it. None in the web chat, whose members came without a messenger.
 */
function inviteLinks(turn: Turn, code: string): { channel: 'telegram' | 'viber'; link: string }[] {
  const { botUsername, viberChatUri } = turn.deps.settings;
  if (turn.inbound.channel === 'web') return [];
  const payload = startPayloadFor(code);
  const links = [
    ...(botUsername ? [{ channel: 'telegram' as const, link: `https://t.me/${botUsername}?start=${payload}` }] : []),
    ...(viberChatUri
      ? [
          {
            channel: 'viber' as const,
            link: `viber://pa?chatURI=${encodeURIComponent(viberChatUri)}&context=${payload}`,
          },
        ]
      : []),
  ];
  return links.sort((a, b) => Number(b.channel === turn.inbound.channel) - Number(a.channel === turn.inbound.channel));
}
