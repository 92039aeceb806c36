import type { Logger } from '../logger.ts';
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

/**
 * Writes what became of one send, by kind: 429 waits exactly `retry_after`
 * (the whole channel pauses, as Telegram's flood control asks), 5xx and
 * network failures back off, a blocked or vanished person becomes domain
 * state (the chat is unreachable, the message failed), any other refusal is
 * final. Either way the outcome is recorded before anything is retried.
 */
export async function recordOutcome(message: ClaimedMessage, result: SendResult, context: OutcomeContext): Promise<void> {
  const { store, log } = context;
  let kept: boolean;
  switch (result.kind) {
    case 'delivered':
      kept = await markSentPromptly(message, context);
      break;
    case 'retryAfter':
      kept = await waitRetryAfter(message, result.seconds, result.reason, context);
      break;
    case 'transient':
      kept = await retryLater(message, result.reason, context);
      break;
    case 'unreachable':
      log.warn({ outboxId: message.id, channel: message.channel, reason: result.reason }, 'outbox: the person cannot be reached; chat marked unreachable, message failed');
      kept = await store.markUnreachable(message, context.now, result.reason);
      break;
    case 'rejected':
      log.warn({ outboxId: message.id, channel: message.channel, reason: result.reason }, 'outbox: the platform refused the message for good; marked failed');
      kept = await store.markFailed(message, result.reason);
      break;
  }
  if (!kept) log.warn({ outboxId: message.id, outcome: result.kind }, 'outbox: the lease ran out before the outcome was written; another instance owns the message now');
  else if (context.onUndeliverable && result.kind !== 'delivered' && result.kind !== 'retryAfter' && (result.kind !== 'transient' || message.attempts >= context.retry.maxAttempts)) {
    await context.onUndeliverable(message, result.reason).catch((error: unknown) => log.error({ err: error, outboxId: message.id }, 'outbox: could not report an undeliverable message'));
  }
}

/**
 * The message is out; until this write lands, a crash would let the lease
 * expire and the message go out again. So it is written at once, alone, and
 * retried briefly if the database hiccups.
 */
async function markSentPromptly(message: ClaimedMessage, context: OutcomeContext): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await context.store.markSent(message, context.now);
    } catch (error) {
      if (attempt >= 5) throw error;
      context.log.error({ err: error, outboxId: message.id, attempt }, 'outbox: could not record a delivered message as sent; trying again');
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function waitRetryAfter(message: ClaimedMessage, seconds: number, reason: string, context: OutcomeContext): Promise<boolean> {
  const waitMs = Math.max(0, seconds) * 1000;
  context.gate.pauseChannel(context.gateNow + waitMs);
  context.gate.holdAddress(message.address, context.gateNow + waitMs);
  context.log.info({ outboxId: message.id, channel: message.channel, retryAfterSeconds: seconds }, 'outbox: flood control; channel paused');
  return context.store.scheduleRetry(message, new Date(context.now.getTime() + waitMs), reason);
}

async function retryLater(message: ClaimedMessage, reason: string, context: OutcomeContext): Promise<boolean> {
  const { retry, log } = context;
  if (message.attempts >= retry.maxAttempts) {
    log.error({ outboxId: message.id, channel: message.channel, attempts: message.attempts, reason }, 'outbox: giving up on a message that kept failing; marked failed');
    return context.store.markFailed(message, `gave up after ${message.attempts} attempts: ${reason}`);
  }
  const delayMs = backoffMs(message.attempts, retry);
  // Later messages to the same person wait too, so they do not overtake this one.
  context.gate.holdAddress(message.address, context.gateNow + delayMs);
  log.info({ outboxId: message.id, channel: message.channel, attempts: message.attempts, reason }, 'outbox: send failed for now; will retry');
  return context.store.scheduleRetry(message, new Date(context.now.getTime() + delayMs), reason);
}
