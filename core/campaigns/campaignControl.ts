import { afterQuietHours } from '../program/quietHours.ts';
import type { Campaign, CampaignStatus } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';

export type ControlRefusal = 'not-found' | 'wrong-status' | 'segment-not-found';

/** What each command may act on; a repeated command is answered as the first was. */
const moves = {
  start: { from: ['draft'], already: ['scheduled', 'sending', 'paused', 'done'] },
  pause: { from: ['sending'], already: ['paused'] },
  resume: { from: ['paused'], already: ['sending', 'done'] },
  cancel: { from: ['draft', 'scheduled', 'sending', 'paused'], already: ['cancelled'] },
} as const satisfies Record<string, { from: readonly CampaignStatus[]; already: readonly CampaignStatus[] }>;

export type CampaignCommand = keyof typeof moves;

/**
 * Starts, pauses, resumes or cancels a campaign. `start` sends at once, or
 * schedules it when its time is still ahead; starting twice is starting once.
 * Pausing holds every message not yet handed to a platform, within the
 * dispatcher's next claim; resuming frees them outside the quiet hours.
 */
export async function controlCampaign(
  deps: CampaignDeps,
  id: string,
  command: CampaignCommand,
  now: Date,
): Promise<Campaign | ControlRefusal> {
  const campaign = await deps.campaigns.find(id);
  if (!campaign) return 'not-found';
  // An automatic message is switched on and off as such (core/campaigns/automations.ts), never started like a one-off.
  if (campaign.trigger) return 'wrong-status';
  const move = moves[command];
  if ((move.already as readonly CampaignStatus[]).includes(campaign.status)) return campaign;
  if (!(move.from as readonly CampaignStatus[]).includes(campaign.status)) return 'wrong-status';
  if (command === 'start' && !(campaign.segmentId && (await deps.segments.find(campaign.segmentId))))
    return 'segment-not-found';
  const to = target(command, campaign, now);
  const notBefore = command === 'resume' ? await afterQuiet(deps, now) : undefined;
  const moved = await deps.campaigns.transition(id, move.from, to, now, notBefore);
  const after = await deps.campaigns.find(id);
  if (!after) return 'not-found';
  // Another request moved it first: answer with where it is now if that is what was asked.
  if (!moved && !(move.already as readonly CampaignStatus[]).includes(after.status) && after.status !== to)
    return 'wrong-status';
  deps.log.info({ campaignId: id, command, status: after.status }, 'campaigns: command');
  return after;
}

function target(command: CampaignCommand, campaign: Campaign, now: Date): CampaignStatus {
  if (command === 'start') return campaign.sendAt && campaign.sendAt > now ? 'scheduled' : 'sending';
  if (command === 'pause') return 'paused';
  if (command === 'resume') return 'sending';
  return 'cancelled';
}

async function afterQuiet(deps: CampaignDeps, now: Date): Promise<Date> {
  return afterQuietHours(now, deps.settings.timezone, (await deps.loadRules()).quietHours);
}
