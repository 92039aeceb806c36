import type { Campaign } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { automationAudience } from './automationAudience.ts';
import { WIN_BACK_DAYS } from './automations.ts';
import { DEFAULT_BATCH } from './decideBatches.ts';
import { decidePending } from './decidePending.ts';

/**
 * One run of an automatic message that is on: the members its trigger picks
 * now are enrolled for this round, then decided and sent like any
 * campaign's (consent, category, holdout, cap, quiet hours). Repeated runs
 * enrol nobody twice for a round.
 */
export async function runAutomation(deps: CampaignDeps, campaign: Campaign, now: Date): Promise<void> {
  if (!campaign.trigger || campaign.status !== 'sending') return;
  const limit = deps.batchSize ?? DEFAULT_BATCH;
  const { query, round } = automationAudience(
    campaign.trigger,
    campaign.triggerDays ?? WIN_BACK_DAYS,
    now,
    deps.settings.timezone,
  );
  let after: string | null = null;
  do after = await deps.fanOut.enrolTriggered(campaign.id, query, round, after, limit);
  while (after !== null);
  await decidePending(deps, campaign, now);
}
