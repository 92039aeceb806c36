import { DateTime } from 'luxon';
import type { CampaignStatus } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import type { CampaignCounts } from './campaignsPorts.ts';
import { purchaseLift } from './lift.ts';

export interface CampaignStats extends CampaignCounts {
  status: CampaignStatus;
  /** True once every member of the segment was enrolled: from then on `segment` no longer grows. */
  audienceFixed: boolean;
  /** The window purchases are counted in: from the start, `resultDays` long. Null before the start. */
  window: { from: Date; until: Date } | null;
  purchases: {
    /** Recipients (messages queued for them) and holdout members who bought in the window. */
    recipients: number;
    holdout: number;
    recipientRate: number | null;
    holdoutRate: number | null;
    /** The recipients' purchase rate minus the holdout's, with its 95% interval; null without both groups. */
    lift: number | null;
    ci95: [number, number] | null;
    /** Spent in the window, minor units. */
    spend: { recipients: number; holdout: number };
    pointsRedeemed: { recipients: number; holdout: number };
  };
}

/**
 * Where a campaign stands and whether it worked. The counts add up:
 * `segment` is the sum of every outcome, `queued` holding whoever is not
 * decided yet. The comparison is recipients against the holdout group over
 * the same days.
 */
export async function campaignStats(deps: CampaignDeps, id: string): Promise<CampaignStats | null> {
  const campaign = await deps.campaigns.find(id);
  if (!campaign) return null;
  const counts = await deps.stats.counts(id);
  const window = campaign.startedAt
    ? {
        from: campaign.startedAt,
        until: DateTime.fromJSDate(campaign.startedAt).plus({ days: campaign.resultDays }).toJSDate(),
      }
    : null;
  const bought = window ? await deps.stats.purchases(id, window.from, window.until) : null;
  const recipients = bought?.recipients ?? { members: 0, buyers: 0, spend: 0, pointsRedeemed: 0 };
  const holdout = bought?.holdout ?? { members: 0, buyers: 0, spend: 0, pointsRedeemed: 0 };
  const lift = purchaseLift(
    { hits: recipients.buyers, total: recipients.members },
    { hits: holdout.buyers, total: holdout.members },
  );
  const rate = (group: typeof recipients) => (group.members === 0 ? null : group.buyers / group.members);
  return {
    status: campaign.status,
    audienceFixed: campaign.enrolledAt !== null,
    ...counts,
    window,
    purchases: {
      recipients: recipients.buyers,
      holdout: holdout.buyers,
      recipientRate: rate(recipients),
      holdoutRate: rate(holdout),
      lift: lift?.lift ?? null,
      ci95: lift?.ci95 ?? null,
      spend: { recipients: recipients.spend, holdout: holdout.spend },
      pointsRedeemed: { recipients: recipients.pointsRedeemed, holdout: holdout.pointsRedeemed },
    },
  };
}
