import type { Logger } from '../logger.ts';
import { retry } from '../errors.ts';
import type { ClaimedMessage, OutboxStore } from './outboxPorts.ts';
import { backoffMs, type RetryPolicy } from './retryPolicy.ts';
import type { SendGate } from './sendGate.ts';
import type { SendResult } from './sender.ts';

export interface OutcomeContext {
  store: OutboxStore;
  gate: SendGate;
  retry: RetryPolicy;
  log: Logger;
  /** The table's time, for what is written. */
  now: Date;
  /** The gate's monotonic time, for pauses and holds. */
  gateNow: number;
  onUndeliverable?: UndeliverableHook;
}

/**
 * Told of a message that will never be delivered (the person blocked us, the
 * platform refused it, or it kept failing), after that was recorded; the
 * staff desk uses it to tell staff that their answer did not reach the customer.
 */
export type UndeliverableHook = (message: ClaimedMessage, reason: string) => Promise<void>;

/** What becomes of a message after one send; decided once, by `settlementOf`. */
export type Settlement =
  | { kind: 'sent'; platformId?: string }
  /** Flood control: the whole channel waits `delayMs`. */
  | { kind: 'wait'; delayMs: number; reason: string }
  /** Tried again after `delayMs`; the address's later messages wait behind it. */
  | { kind: 'retry'; delayMs: number; reason: string }
  /** Given up for good: never retried, and whoever cares is told. */
  | { kind: 'failed'; unreachable: boolean; reason: string };

/**
 * The one place that decides whether a message is given up: a 429 waits
 * exactly `retry_after`, a 5xx or network failure backs off until the
 * policy's last attempt, a blocked or vanished person and any other refusal
 * are final. (`unauthorized` never gets here: the lane stops first.)
 */
export function settlementOf(
  message: ClaimedMessage,
  result: Exclude<SendResult, { kind: 'unauthorized' }>,
  policy: RetryPolicy,
): Settlement {
  switch (result.kind) {
    case 'delivered':
      return result.platformId === undefined ? { kind: 'sent' } : { kind: 'sent', platformId: result.platformId };
    case 'retryAfter':
      return { kind: 'wait', delayMs: Math.max(0, result.seconds) * 1000, reason: result.reason };
    case 'transient':
      if (message.attempts >= policy.maxAttempts)
        return {
          kind: 'failed',
          unreachable: false,
          reason: `gave up after ${message.attempts} attempts: ${result.reason}`,
        };
      return { kind: 'retry', delayMs: backoffMs(message.attempts, policy), reason: result.reason };
    case 'unreachable':
      return { kind: 'failed', unreachable: true, reason: result.reason };
    case 'rejected':
      return { kind: 'failed', unreachable: false, reason: result.reason };
  }
}

/**
 * Writes what became of one send, as `settlementOf` decided, before anything
 * is retried; a message given up is reported to `onUndeliverable` with the
 * reason that was recorded.
 */
export async function recordOutcome(
  message: ClaimedMessage,
  result: Exclude<SendResult, { kind: 'unauthorized' }>,
  context: OutcomeContext,
): Promise<void> {
  const settlement = settlementOf(message, result, context.retry);
  const kept = await writeSettlement(message, settlement, context);
  const { log, onUndeliverable } = context;
  if (!kept)
    log.warn(
      { outboxId: message.id, outcome: result.kind },
      'outbox: the lease ran out before the outcome was written; another instance owns the message now',
    );
  else if (onUndeliverable && settlement.kind === 'failed') {
    await onUndeliverable(message, settlement.reason).catch((error: unknown) =>
      log.error({ err: error, outboxId: message.id }, 'outbox: could not report an undeliverable message'),
    );
  }
}

async function writeSettlement(
  message: ClaimedMessage,
  settlement: Settlement,
  context: OutcomeContext,
): Promise<boolean> {
  const { store, log } = context;
  const where = {
    outboxId: message.id,
    channel: message.channel,
    attempts: message.attempts,
    reason: 'reason' in settlement ? settlement.reason : undefined,
  };
  switch (settlement.kind) {
    case 'sent':
      return markSentPromptly(message, context, settlement.platformId);
    case 'wait':
      context.gate.pauseChannel(context.gateNow + settlement.delayMs);
      context.gate.holdAddress(message.address, context.gateNow + settlement.delayMs);
      log.info({ ...where, retryAfterSeconds: settlement.delayMs / 1000 }, 'outbox: flood control; channel paused');
      return store.scheduleRetry(message, new Date(context.now.getTime() + settlement.delayMs), settlement.reason);
    case 'retry':
      // Later messages to the same person wait too, so they do not overtake this one.
      context.gate.holdAddress(message.address, context.gateNow + settlement.delayMs);
      log.info(where, 'outbox: send failed for now; will retry');
      return store.scheduleRetry(message, new Date(context.now.getTime() + settlement.delayMs), settlement.reason);
    case 'failed':
      if (settlement.unreachable) {
        log.warn(where, 'outbox: the person cannot be reached; chat marked unreachable, message failed');
        return store.markUnreachable(message, context.now, settlement.reason);
      }
      log.warn(where, 'outbox: the message will not be delivered; marked failed');
      return store.markFailed(message, settlement.reason);
  }
}

/**
 * Writes many messages one call delivered (a broadcast's receivers, sharing
 * its id) as sent, in one write instead of one per message, as promptly as
 * `recordOutcome` writes one.
 */
export async function recordDeliveredTogether(
  messages: ClaimedMessage[],
  platformId: string | undefined,
  context: OutcomeContext,
): Promise<void> {
  const kept = await retry(MARK_SENT_RETRY, () => context.store.markAllSent(messages, context.now, platformId), {
    onRetry: (error, attempt) =>
      context.log.error(
        { err: error, count: messages.length, attempt },
        'outbox: could not record delivered messages as sent; trying again',
      ),
  });
  for (const message of messages)
    if (!kept.has(message.id))
      context.log.warn(
        { outboxId: message.id, outcome: 'delivered' },
        'outbox: the lease ran out before the outcome was written; another instance owns the message now',
      );
}

/** Until "sent" is written, a crash would let the lease expire and the message go out again: written at once, retried briefly. */
const MARK_SENT_RETRY = { attempts: 5, delayMs: (attempt: number) => 100 * attempt };

async function markSentPromptly(
  message: ClaimedMessage,
  context: OutcomeContext,
  platformId?: string,
): Promise<boolean> {
  return retry(MARK_SENT_RETRY, () => context.store.markSent(message, context.now, platformId), {
    onRetry: (error, attempt) =>
      context.log.error(
        { err: error, outboxId: message.id, attempt },
        'outbox: could not record a delivered message as sent; trying again',
      ),
  });
}
