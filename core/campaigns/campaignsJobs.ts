import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { fanOutCampaign } from './fanOutCampaign.ts';
import { runAutomation } from './runAutomation.ts';

/**
 * The campaigns' scheduled jobs: one starts those whose time has come and
 * takes every sending one further (a fan-out a restart interrupted, a
 * campaign whose last messages went out and is now done); the other runs
 * the automatic messages that are on.
 */
export function campaignsJobs(deps: CampaignDeps): ScheduledJob[] {
  return [
    { name: 'campaigns', run: (now) => runCampaigns(deps, now) },
    { name: 'campaign-automations', run: (now) => runAutomations(deps, now) },
  ];
}

/** Every automatic message that is on, once. */
export async function runAutomations(deps: CampaignDeps, now: Date): Promise<void> {
  for (const campaign of await deps.campaigns.automations()) await runAutomation(deps, campaign, now);
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
