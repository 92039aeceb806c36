import { segmentQuery } from '../segments/segmentQuery.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { DEFAULT_BATCH, decidePending } from './decidePending.ts';
import { nextTurn } from './nextTurn.ts';

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
  if (!campaign || campaign.status !== 'sending' || !campaign.startedAt || campaign.trigger) return 'not-sending';
  const limit = deps.batchSize ?? DEFAULT_BATCH;
  if (!campaign.enrolledAt) {
    const segment = campaign.segmentId ? await deps.segments.find(campaign.segmentId) : null;
    // A segment deleted after the start enrols no one more: a campaign for a few never widens to everyone.
    if (segment) {
      const query = segmentQuery(segment.filters, campaign.startedAt, deps.settings.timezone);
      // The cursor is carried from batch to batch; only a fan-out that starts again asks where the last one stopped.
      let after = await deps.fanOut.lastEnrolled(campaign.id);
      while ((after = await deps.fanOut.enrolNext(campaign.id, query, after, limit)) !== null) {
        await nextTurn();
        if (!(await stillSending(deps, campaign.id))) return 'stopped';
      }
    }
    await deps.fanOut.markEnrolled(campaign.id, now);
  }
  if (!campaign.fannedOutAt) {
    if (!(await decidePending(deps, campaign, now))) return 'stopped';
    await deps.fanOut.markFannedOut(campaign.id, now);
    deps.log.info({ campaignId: campaign.id }, 'campaigns: every member of the audience decided');
  }
  return (await deps.fanOut.finishIfSent(campaign.id, now)) ? 'done' : 'fanned-out';
}

/** False once it is paused or cancelled; a cancel also ends the members this instance enrolled after it. */
async function stillSending(deps: CampaignDeps, campaignId: string): Promise<boolean> {
  const status = (await deps.campaigns.find(campaignId))?.status;
  if (status === 'cancelled') await deps.fanOut.cancelUndecided(campaignId);
  return status === 'sending';
}
