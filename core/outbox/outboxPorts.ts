import type { Channel } from '../inbound.ts';
import type { Outbound } from '../outbound.ts';
import type { DeskPost } from '../desk/deskPost.ts';
import type { NotificationTopic } from '../notifications/notificationTopics.ts';

/** A message to a member, resolved to their best reachable chat by the outbox. */
export interface Notification {
  memberId: string;
  dedupeKey: string;
  message: Outbound;
  /** The kind of message, if the member may switch it off. */
  topic?: NotificationTopic;
}

/**
 * The staff desk's outbox lane. Which desks show its posts (Slack, the
 * console) is the application's choice: the lane's sender may be several.
 */
export const DESK_LANE = 'desk';

/** Where the outbox delivers: the customers' channels, and the staff desk. */
export type OutboxChannel = Channel | typeof DESK_LANE;

/** What one outbox row carries: a message for a customer, or a post for the staff desk (lane `desk`). */
export type OutboxPayload = Outbound | DeskPost;

/** What a platform reported about a message after it accepted it (Viber's delivered, seen, failed). */
export type DeliveryReceipt = 'delivered' | 'seen' | 'failed';

/**
 * Receipts recorded against the outbox message they concern, found by the
 * platform's id of it, for the campaign statistics. A receipt for a message
 * that is not in the outbox (a direct answer to the person) changes nothing.
 */
export interface DeliveryReceipts {
  /**
   * Resolves to whether an outbox message took the receipt. `address` is the
   * person the receipt is about, when the platform names them: the rows of one
   * broadcast share its id, and each takes only its own receiver's receipts.
   */
  record(
    channel: OutboxChannel,
    platformId: string,
    receipt: DeliveryReceipt,
    at: Date,
    address?: string,
  ): Promise<boolean>;
}

/** A row this dispatcher holds a lease on; only its holder may settle it. */
export interface ClaimRef {
  id: string;
  /** The lease's end; it doubles as the claim's token in every transition. */
  lockedUntil: Date;
}

/** A message claimed for sending. `message` is null when the stored payload cannot be read. */
export interface ClaimedMessage extends ClaimRef {
  channel: OutboxChannel;
  address: string;
  memberId: string | null;
  /** The staff-desk ticket it belongs to, if any, so staff hear when it cannot be delivered. */
  ticketId: string | null;
  /** The campaign it was sent for, if any: its messages alike may go out together (Viber's broadcast). */
  campaignId: string | null;
  message: OutboxPayload | null;
  /** Attempts so far, this one included (the claim counts as an attempt). */
  attempts: number;
  createdAt: Date;
}

export interface ClaimRequest {
  channel: OutboxChannel;
  limit: number;
  now: Date;
  leaseMs: number;
}

/**
 * The outbox as the dispatcher needs it. Every transition is conditional on
 * the claim (`status = 'sending'` and the same lease), so an instance whose
 * lease ran out can never overwrite what the row's new holder did; each one
 * answers false when the claim was lost.
 */
export interface OutboxStore {
  /** Due messages (pending and due, or leased by an instance that died), oldest first, leased to the caller. */
  claimDue(request: ClaimRequest): Promise<ClaimedMessage[]>;
  /** `platformId` is the platform's id of the sent message, which its delivery receipts name. */
  markSent(claim: ClaimRef, at: Date, platformId?: string): Promise<boolean>;
  /** Many sent in one call (a broadcast's receivers, sharing its id), in one write; resolves to the ids whose claim held. */
  markAllSent(claims: ClaimRef[], at: Date, platformId?: string): Promise<Set<string>>;
  /** Back to pending, not before `at`; the attempt stays counted. */
  scheduleRetry(claim: ClaimRef, at: Date, error: string): Promise<boolean>;
  markFailed(claim: ClaimRef, error: string): Promise<boolean>;
  /** The message failed and its chat is marked unreachable, together. */
  markUnreachable(
    claim: ClaimRef & { channel: OutboxChannel; address: string },
    at: Date,
    error: string,
  ): Promise<boolean>;
  /** Gives claims back unsent, as if never attempted; `nextAttemptAt` unchanged when not given. */
  release(claims: ClaimRef[], nextAttemptAt?: Date): Promise<void>;
}
