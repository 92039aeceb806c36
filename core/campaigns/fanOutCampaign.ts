import { DateTime } from 'luxon';
import { afterQuietHours } from '../program/quietHours.ts';
import { segmentQuery } from '../segments/segmentQuery.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { decideRecipient } from './decideRecipient.ts';
import { renderCampaignMessage } from './renderCampaignMessage.ts';

const DEFAULT_BATCH = 500;

export type FanOutResult = 'not-sending' | 'stopped' | 'fanned-out' | 'done';

/**
 * Takes a sending campaign as far as it can go: enrols the segment's members
 * as they match at the start (so a restart sends to the same people), then
 * decides each one's outcome and queues their message, a batch per short
 * transaction. Safe to run again at any point, on any instance: every step
 * is conditional (core/campaigns/campaignsPorts.ts), and a pause or a cancel
 * stops it at the next batch.
 */
export async function fanOutCampaign(deps: CampaignDeps, campaignId: string, now: Date): Promise<FanOutResult> {
  const campaign = await deps.campaigns.find(campaignId);
  if (!campaign || campaign.status !== 'sending' || !campaign.startedAt) return 'not-sending';
  const limit = deps.batchSize ?? DEFAULT_BATCH;
  const { timezone, defaultLocale } = deps.settings;
  if (!campaign.enrolledAt) {
    const segment = await deps.segments.find(campaign.segmentId);
    // A segment deleted after the start enrols no one more: a campaign for a few never widens to everyone.
    if (segment) {
      const query = segmentQuery(segment.filters, campaign.startedAt, timezone);
      while ((await deps.fanOut.enrolNext(campaign.id, query, limit)) === limit)
        if (!(await stillSending(deps, campaign.id))) return 'stopped';
    }
    await deps.fanOut.markEnrolled(campaign.id, now);
  }
  if (!campaign.fannedOutAt) {
    const rules = await deps.loadRules();
    const capSince = DateTime.fromJSDate(now).minus({ days: rules.marketingCap.days }).toJSDate();
    const notBefore = afterQuietHours(now, timezone, rules.quietHours);
    const render = (member: Parameters<typeof renderCampaignMessage>[1]) =>
      renderCampaignMessage(campaign, member, defaultLocale, deps.translator.forLocale(member.locale));
    for (;;) {
      const members = await deps.fanOut.pending(campaign.id, campaign.category, capSince, limit);
      if (members.length === 0) break;
      const decisions = members.map((member) =>
        decideRecipient(campaign, member, { capMessages: rules.marketingCap.messages, notBefore, render }),
      );
      if (!(await deps.fanOut.settle(campaign.id, decisions, now))) return 'stopped';
    }
    await deps.fanOut.markFannedOut(campaign.id, now);
    deps.log.info({ campaignId: campaign.id }, 'campaigns: every member of the audience decided');
  }
  return (await deps.fanOut.finishIfSent(campaign.id, now)) ? 'done' : 'fanned-out';
}

async function stillSending(deps: CampaignDeps, campaignId: string): Promise<boolean> {
  return (await deps.campaigns.find(campaignId))?.status === 'sending';
}
