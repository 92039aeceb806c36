import { DateTime } from 'luxon';
import { afterQuietHours } from '../program/quietHours.ts';
import type { Campaign } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import type { RecipientCursor } from './campaignsPorts.ts';
import { decideRecipient } from './decideRecipient.ts';
import { nextTurn } from './nextTurn.ts';
import { campaignRenderer } from './renderCampaignMessage.ts';

/**
 * Members per batch. A thousand take about a fifth less work in all than five hundred (half the statements and
 * commits); the fan-out gives way to the chats between statements (nextTurn.ts), so each waits behind one at most.
 */
export const DEFAULT_BATCH = 1000;

/**
 * Gives every enrolled member not decided yet their outcome, and queues
 * their message, a batch per short transaction: the part a one-off campaign
 * and an automatic message share. False when the campaign stopped sending
 * meanwhile (paused, cancelled, switched off).
 */
export async function decidePending(deps: CampaignDeps, campaign: Campaign, now: Date): Promise<boolean> {
  const { timezone, defaultLocale } = deps.settings;
  const rules = await deps.loadRules();
  const capSince = DateTime.fromJSDate(now).minus({ days: rules.marketingCap.days }).toJSDate();
  const notBefore = afterQuietHours(now, timezone, rules.quietHours);
  const render = campaignRenderer(campaign, defaultLocale, deps.translator);
  const read = (after: RecipientCursor | null) =>
    deps.fanOut.pending(campaign.id, campaign.category, capSince, deps.batchSize ?? DEFAULT_BATCH, after);
  // Each batch starts after the last member of the one before, whose members are all decided once it settles (by
  // this instance or another): a walk from the start would step over every decided member's old index entry again,
  // which PostgreSQL keeps until it vacuums, and each batch would cost more than the one before. Knowing where it
  // starts, the next batch is read while this one is decided and written, on a connection of its own where the
  // database has several.
  let next = read(null);
  for (;;) {
    const members = await next;
    if (members.length === 0) return true;
    const last = members.at(-1)!;
    next = read({ memberId: last.memberId, round: last.round });
    // A batch that is not settled leaves its read unawaited: its failure must not go unhandled.
    next.catch(() => {});
    // A turn after each statement, not only after each batch: a chat request waits behind one of them at most.
    await nextTurn();
    const decisions = members.map((member) =>
      decideRecipient(campaign, member, { capMessages: rules.marketingCap.messages, notBefore, render }),
    );
    if (!(await deps.fanOut.settle(campaign.id, decisions, now))) return false;
    await nextTurn();
  }
}
