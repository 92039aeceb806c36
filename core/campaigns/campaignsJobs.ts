import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { fanOutCampaign } from './fanOutCampaign.ts';

/**
 * The campaigns' scheduled job: starts those whose time has come, and takes
 * every sending one further (a fan-out a restart interrupted, a campaign
 * whose last messages went out and is now done).
 */
export function campaignsJobs(deps: CampaignDeps): ScheduledJob[] {
  return [{ name: 'campaigns', run: (now) => runCampaigns(deps, now) }];
}

export async function runCampaigns(deps: CampaignDeps, now: Date): Promise<number> {
  for (const id of await deps.campaigns.due(now)) await deps.campaigns.transition(id, ['scheduled'], 'sending', now);
  let moved = 0;
  for (const id of await deps.campaigns.sending()) {
    const result = await fanOutCampaign(deps, id, now);
    if (result !== 'not-sending') moved += 1;
  }
  return moved;
}
