import type { Channel } from '../inbound.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Outbound } from '../outbound.ts';
import type { SegmentQuery } from '../segments/segmentQuery.ts';
import type { Campaign, CampaignContent, CampaignStatus, RecipientOutcome } from './campaign.ts';
import type { CampaignCategory } from './campaignCategories.ts';
import type { AutomationKind } from './automations.ts';
import type { TriggerQuery } from './automationAudience.ts';

/** Saved campaigns and the moves between their states. */
export interface CampaignStore {
  create(content: CampaignContent, holdoutSeed: string, now: Date): Promise<Campaign>;
  /** One-off campaigns, newest first. */
  list(): Promise<Campaign[]>;
  find(id: string): Promise<Campaign | null>;
  /** Only a draft or a scheduled campaign changes; once it started, what members got stays as it was. */
  update(id: string, content: CampaignContent, now: Date): Promise<Campaign | 'not-found' | 'not-editable'>;
  remove(id: string): Promise<'removed' | 'not-found' | 'not-editable'>;
  /**
   * Moves the campaign from one of `from` to `to`, in one transaction with
   * its waiting outbox messages: pausing holds them, resuming frees them
   * (not before `notBefore`), cancelling ends them and the undecided members.
   * False when the campaign was in none of `from`.
   */
  transition(
    id: string,
    from: readonly CampaignStatus[],
    to: CampaignStatus,
    at: Date,
    notBefore?: Date,
  ): Promise<boolean>;
  /** The automatic messages saved so far, on or off. */
  automations(): Promise<Campaign[]>;
  /** Writes an automatic message's text and switch; created on its first save, with `holdoutSeed`. */
  saveAutomation(
    kind: AutomationKind,
    content: CampaignContent,
    enabled: boolean,
    triggerDays: number | null,
    holdoutSeed: string,
    now: Date,
  ): Promise<Campaign>;
  /** Scheduled campaigns whose time has come. */
  due(now: Date): Promise<string[]>;
  /** Campaigns sending now, to be fanned out or finished. */
  sending(): Promise<string[]>;
  /** Records a press on one of the message's buttons (the first counts). */
  recordPress(campaignId: string, memberId: string, at: Date): Promise<void>;
}

/** One member of the audience, with what deciding their outcome needs. */
export interface AudienceMember {
  memberId: string;
  /** Which time of an automatic message this is (empty for a one-off campaign). */
  round: string;
  name: string;
  locale: Locale;
  balance: number;
  tier: string | null;
  /** Agreed to news and offers, and not erased since. */
  optedIn: boolean;
  /** Switched this campaign's category off. */
  categoryMuted: boolean;
  /** Campaign messages queued for them within the frequency cap's window. */
  recentMessages: number;
  /** Their best chat we may write to (core/outbox/channelPreference.ts); null when there is none. */
  chat: ChatAddress | null;
}

export interface ChatAddress {
  channel: Channel;
  address: string;
}

export type Decision =
  | { memberId: string; round: string; outcome: Exclude<RecipientOutcome, 'pending' | 'queued' | 'cancelled'> }
  | { memberId: string; round: string; outcome: 'queued'; chat: ChatAddress; message: Outbound; notBefore: Date };

/** Where a walk through a campaign's undecided members stands: the last (member, round) it read. */
export interface RecipientCursor {
  memberId: string;
  round: string;
}

/**
 * The fan-out's storage. Every step is idempotent and conditional, so a
 * restart, or a second instance doing the same step, changes nothing twice:
 * a member is enrolled once (the recipient's key), decided once (only from
 * `pending`), and sent once (the outbox's dedupe key).
 */
export interface FanOutStore {
  /**
   * How many batches the database writes at once, each on a connection of its
   * own (PostgreSQL); one where every statement takes the same connection in
   * turn (SQLite).
   */
  readonly batchesAtOnce: number;
  /**
   * The next members, up to `limit`, the segment's query matches with ids
   * after `after` and that are not enrolled yet, each with what deciding needs (as
   * `pending` reads them): a one-off campaign decides its audience as it
   * walks its segment, writing each recipient once.
   */
  segmentAudience(
    campaignId: string,
    query: SegmentQuery,
    category: CampaignCategory,
    capSince: Date,
    after: string | null,
    limit: number,
  ): Promise<AudienceMember[]>;
  /**
   * Enrols the members of a batch with their outcomes, and queues the
   * messages of the queued, as `settle` does; a member enrolled already (by
   * another instance) stays as they are and gets no message from this one.
   * False (nothing written) when the campaign is no longer sending.
   */
  enrolDecided(campaignId: string, decisions: readonly Decision[], at: Date): Promise<boolean>;
  /**
   * Enrols, as `outcome`, up to `limit` members the query matches with ids
   * after `after`; resolves to the last id read when there may be more, else
   * null. How the rest of a segment is recorded when a fan-out stops: to be
   * decided on resume, or as cancelled.
   */
  enrolNext(
    campaignId: string,
    query: SegmentQuery,
    after: string | null,
    limit: number,
    outcome: 'pending' | 'cancelled',
  ): Promise<string | null>;
  /**
   * Enrols, for `round`, up to `limit` opted-in members an automatic
   * message's trigger picks, with ids after `after`; resolves to the last id
   * read when there may be more, else null.
   */
  enrolTriggered(
    campaignId: string,
    query: TriggerQuery,
    round: string,
    after: string | null,
    limit: number,
  ): Promise<string | null>;
  markEnrolled(campaignId: string, at: Date): Promise<void>;
  /**
   * Records as cancelled the members still undecided of a campaign that is
   * cancelled: an enrolment batch in flight while the cancel was written
   * lands after it, and must not leave members waiting. Does nothing to a
   * campaign that is not cancelled.
   */
  cancelUndecided(campaignId: string): Promise<void>;
  /**
   * Undecided members, up to `limit`, with caps counted from `capSince`, in (member, round) order after `after`
   * (the last one the previous batch settled; null for the first batch).
   */
  pending(
    campaignId: string,
    category: CampaignCategory,
    capSince: Date,
    limit: number,
    after: RecipientCursor | null,
  ): Promise<AudienceMember[]>;
  /**
   * Writes the outcomes, and the outbox messages of the queued, in one short
   * transaction that first takes the campaign's row, so a pause or a cancel
   * is never overtaken. False (nothing written) when it is no longer sending.
   */
  settle(campaignId: string, decisions: readonly Decision[], at: Date): Promise<boolean>;
  markFannedOut(campaignId: string, at: Date): Promise<void>;
  /** Ends a fanned-out campaign none of whose messages waits any more; true when it did. */
  finishIfSent(campaignId: string, at: Date): Promise<boolean>;
}

/** Where each member of the audience stands, counted for the statistics. */
export interface CampaignCounts {
  segment: number;
  notOptedIn: number;
  heldOut: number;
  capped: number;
  muted: number;
  queued: number;
  sent: number;
  delivered: number;
  seen: number;
  failed: number;
  unreachable: number;
  cancelled: number;
  buttonPresses: number;
}

/** Purchases in the results window, by the two groups compared. */
export interface CampaignPurchases {
  recipients: { members: number; buyers: number; spend: number; pointsRedeemed: number };
  holdout: { members: number; buyers: number; spend: number; pointsRedeemed: number };
}

export interface CampaignStatsReads {
  counts(campaignId: string): Promise<CampaignCounts>;
  purchases(campaignId: string, from: Date, until: Date): Promise<CampaignPurchases>;
}
