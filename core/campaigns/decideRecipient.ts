import type { Campaign } from './campaign.ts';
import type { AudienceMember, Decision } from './campaignsPorts.ts';
import { isHeldOut } from './holdout.ts';
import type { Outbound } from '../outbound.ts';

export interface DecisionRules {
  /** At most this many campaign messages per member within the cap's window. */
  capMessages: number;
  /** The first moment outside the quiet hours, from now. */
  notBefore: Date;
  render(member: AudienceMember): Outbound;
}

/**
 * What one member of the audience gets, in an order that keeps the holdout
 * a fair baseline: consent and the category's switch first (whoever may not
 * be written to belongs to neither group), then the draw among everyone
 * else, then the cap and reachability among those drawn to receive it.
 */
export function decideRecipient(
  campaign: Pick<Campaign, 'holdoutSeed' | 'holdoutPercent'>,
  member: AudienceMember,
  rules: DecisionRules,
): Decision {
  const { memberId, round } = member;
  if (!member.optedIn) return { memberId, round, outcome: 'not-opted-in' };
  if (member.categoryMuted) return { memberId, round, outcome: 'muted' };
  if (isHeldOut(campaign.holdoutSeed, memberId, campaign.holdoutPercent))
    return { memberId, round, outcome: 'held-out' };
  if (member.recentMessages >= rules.capMessages) return { memberId, round, outcome: 'capped' };
  if (!member.chat) return { memberId, round, outcome: 'unreachable' };
  return {
    memberId,
    round,
    outcome: 'queued',
    chat: member.chat,
    message: rules.render(member),
    notBefore: rules.notBefore,
  };
}
