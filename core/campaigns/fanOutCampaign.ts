import type { SegmentQuery } from '../segments/segmentQuery.ts';
import { segmentQuery } from '../segments/segmentQuery.ts';
import type { Campaign } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { DEFAULT_BATCH, decideBatches } from './decideBatches.ts';
import { decidePending } from './decidePending.ts';
import { nextTurn } from './nextTurn.ts';

export type FanOutResult = 'not-sending' | 'stopped' | 'fanned-out' | 'done';

/**
 * Takes a sending campaign as far as it can go: walks the segment in member
 * order, deciding each member's outcome and queueing their message as it
 * enrols them, a batch per short transaction, so each recipient is written
 * once. Safe to run again at any point, on any instance: every step is
 * conditional (core/campaigns/campaignsPorts.ts), a restart goes on with the
 * members not enrolled yet, and a pause or a cancel stops it at the next batch,
 * recording the rest of the segment so the counts still cover all of it.
 */
export async function fanOutCampaign(deps: CampaignDeps, campaignId: string, now: Date): Promise<FanOutResult> {
  const campaign = await deps.campaigns.find(campaignId);
  if (!campaign || campaign.status !== 'sending' || !campaign.startedAt || campaign.trigger) return 'not-sending';
  if (!campaign.enrolledAt) {
    const segment = campaign.segmentId ? await deps.segments.find(campaign.segmentId) : null;
    // A segment deleted after the start enrols no one more: a campaign for a few never widens to everyone.
    if (segment) {
      const query = segmentQuery(segment.filters, campaign.startedAt, deps.settings.timezone);
      if (!(await decideSegment(deps, campaign, query, now))) {
        await recordTheRest(deps, campaign.id, query);
        return 'stopped';
      }
    }
    await deps.fanOut.markEnrolled(campaign.id, now);
  }
  if (!campaign.fannedOutAt) {
    // Members enrolled while it was paused, decided now it sends again.
    if (!(await decidePending(deps, campaign, now))) return 'stopped';
    await deps.fanOut.markFannedOut(campaign.id, now);
    deps.log.info({ campaignId: campaign.id }, 'campaigns: every member of the audience decided');
  }
  return (await deps.fanOut.finishIfSent(campaign.id, now)) ? 'done' : 'fanned-out';
}

/**
 * Decides the segment's members not enrolled yet as it enrols them; false once it stopped sending. It walks from the
 * first member whenever it starts: after a crash, or with batches written at once, the members enrolled need not be
 * all those up to some member.
 */
function decideSegment(deps: CampaignDeps, campaign: Campaign, query: SegmentQuery, now: Date): Promise<boolean> {
  return decideBatches(deps, campaign, now, {
    from: null,
    read: (after, capSince, limit) =>
      deps.fanOut.segmentAudience(campaign.id, query, campaign.category, capSince, after?.memberId ?? null, limit),
    settle: (decisions) => deps.fanOut.enrolDecided(campaign.id, decisions, now),
  });
}

/**
 * Enrols the members of the segment the fan-out did not reach: to be decided
 * when a paused campaign resumes, or as cancelled, so a cancelled campaign's
 * report still accounts for its whole segment.
 */
async function recordTheRest(deps: CampaignDeps, campaignId: string, query: SegmentQuery): Promise<void> {
  const status = (await deps.campaigns.find(campaignId))?.status;
  if (status !== 'paused' && status !== 'cancelled') return;
  const outcome = status === 'cancelled' ? 'cancelled' : 'pending';
  const limit = deps.batchSize ?? DEFAULT_BATCH;
  let after: string | null = null;
  while ((after = await deps.fanOut.enrolNext(campaignId, query, after, limit, outcome)) !== null) await nextTurn();
  // A cancel that landed while the rest was being enrolled as pending.
  if (outcome === 'pending' && (await deps.campaigns.find(campaignId))?.status === 'cancelled')
    await deps.fanOut.cancelUndecided(campaignId);
}
