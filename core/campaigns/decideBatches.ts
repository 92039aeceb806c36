import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { afterQuietHours } from '../program/quietHours.ts';
import type { Campaign } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import type { AudienceMember, Decision, RecipientCursor } from './campaignsPorts.ts';
import { decideRecipient } from './decideRecipient.ts';
import { servingRecently } from '../jobs/foregroundTraffic.ts';
import { nextTurn } from './nextTurn.ts';
import { campaignRenderer } from './renderCampaignMessage.ts';

/**
 * Members per batch. A thousand take about a fifth less work in all than five hundred (half the statements and
 * commits); the fan-out gives way to the chats between statements (nextTurn.ts), so each waits behind one at most.
 */
export const DEFAULT_BATCH = 1000;
/**
 * While people are being answered, batches are this many times smaller: a chat request that arrives behind a
 * statement of a thousand members waited about as long again as its own answer takes (SQLite runs each statement on
 * this thread; PostgreSQL's batch is still made and read here).
 */
const SMALLER_WHILE_SERVING = 5;

/** Where a walk through members takes its batches from, and how it records what it decided for one. */
export interface BatchWalk {
  /** Where the walk starts: null from the first member. */
  from: RecipientCursor | null;
  /** The next members after `after`, in (member, round) order, with caps counted from `capSince`. */
  read(after: RecipientCursor | null, capSince: Date, limit: number): Promise<AudienceMember[]>;
  /** Records a batch's decisions in one short transaction; false (nothing written) when it is no longer sending. */
  settle(decisions: readonly Decision[]): Promise<boolean>;
}

/**
 * Decides every member a walk reads and records the decisions, a batch per
 * short transaction. False when the campaign stopped sending meanwhile
 * (paused, cancelled, switched off).
 */
export async function decideBatches(
  deps: CampaignDeps,
  campaign: Campaign,
  now: Date,
  walk: BatchWalk,
): Promise<boolean> {
  const { timezone, defaultLocale } = deps.settings;
  const rules = await deps.loadRules();
  const capSince = DateTime.fromJSDate(now).minus({ days: rules.marketingCap.days }).toJSDate();
  const notBefore = afterQuietHours(now, timezone, rules.quietHours);
  const render = campaignRenderer(campaign, defaultLocale, deps.translator);
  const full = deps.batchSize ?? DEFAULT_BATCH;
  const serving = deps.serving ?? servingRecently;
  const limit = () => (serving() ? Math.ceil(full / SMALLER_WHILE_SERVING) : full);
  // Each batch starts after the last member of the one before, whose members are all decided once it settles (by
  // this instance or another): a walk from the start would step over every decided member's old index entry again,
  // which PostgreSQL keeps until it vacuums, and each batch would cost more than the one before. Knowing where it
  // starts, the next batch is read while this one is decided and written, and where the database takes several
  // connections at once, the batch before may still be being written, on connections of their own.
  let next = walk.read(walk.from, capSince, limit());
  // Batches written at once, oldest first. A batch refused (the campaign stopped) stops the walk once the ones before
  // it are written; one written after a refused one leaves a gap in the walk, which is why a one-off campaign's walk
  // reads only members not enrolled yet.
  const writing: Array<Promise<boolean>> = [];
  let sending = true;
  for (;;) {
    const members = await next;
    if (members.length === 0) break;
    const stepStart = performance.now();
    const last = members.at(-1)!;
    next = walk.read({ memberId: last.memberId, round: last.round }, capSince, limit());
    // A batch that is not settled leaves its read unawaited: its failure must not go unhandled.
    next.catch(() => {});
    // A turn after each statement, not only after each batch: a chat request waits behind one of them at most.
    await nextTurn();
    const decisions = members.map((member) =>
      decideRecipient(campaign, member, { capMessages: rules.marketingCap.messages, notBefore, render }),
    );
    const written = walk.settle(decisions);
    written.catch(() => {});
    writing.push(written);
    const busy = serving();
    while (sending && writing.length >= (busy ? 1 : deps.fanOut.batchesAtOnce)) sending = await writing.shift()!;
    if (!sending) break;
    // While people are being answered, they get as much time as the batch took: on two cores a fan-out at full speed
    // keeps both busy (this thread and the database's), and every chat answer would take twice as long, not only the
    // ones that arrive behind a statement.
    if (busy) await sleep(performance.now() - stepStart);
    await nextTurn();
  }
  const rest = await Promise.all(writing);
  return sending && rest.every(Boolean);
}
