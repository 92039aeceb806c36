import type { Campaign } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { decideBatches } from './decideBatches.ts';

/**
 * Gives every enrolled member not decided yet their outcome, and queues
 * their message: how an automatic message decides the members its trigger
 * enrolled, and how a one-off campaign decides the members enrolled while it
 * was paused. False when the campaign stopped sending meanwhile.
 */
export function decidePending(deps: CampaignDeps, campaign: Campaign, now: Date): Promise<boolean> {
  return decideBatches(deps, campaign, now, {
    from: null,
    read: (after, capSince, limit) => deps.fanOut.pending(campaign.id, campaign.category, capSince, limit, after),
    settle: (decisions) => deps.fanOut.settle(campaign.id, decisions, now),
  });
}
