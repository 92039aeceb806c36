import type { Channel } from '../inbound.ts';
import type { Outbound } from '../outbound.ts';

/** A row this dispatcher holds a lease on; only its holder may settle it. */
export interface ClaimRef {
  id: string;
  /** The lease's end; it doubles as the claim's token in every transition. */
  lockedUntil: Date;
}

/** A message claimed for sending. `message` is null when the stored payload cannot be read. */
export interface ClaimedMessage extends ClaimRef {
  channel: Channel;
  address: string;
  memberId: string | null;
  message: Outbound | null;
  /** Attempts so far, this one included (the claim counts as an attempt). */
  attempts: number;
  createdAt: Date;
}

export interface ClaimRequest {
  channel: Channel;
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
  markSent(claim: ClaimRef, at: Date): Promise<boolean>;
  /** Back to pending, not before `at`; the attempt stays counted. */
  scheduleRetry(claim: ClaimRef, at: Date, error: string): Promise<boolean>;
  markFailed(claim: ClaimRef, error: string): Promise<boolean>;
  /** The message failed and its chat is marked unreachable, together. */
  markUnreachable(claim: ClaimRef & { channel: Channel; address: string }, at: Date, error: string): Promise<boolean>;
  /** Gives claims back unsent, as if never attempted; `nextAttemptAt` unchanged when not given. */
  release(claims: ClaimRef[], nextAttemptAt?: Date): Promise<void>;
}
