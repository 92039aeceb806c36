// One lane per outbox channel: it claims due rows, paces them through the send gate, sends (one by
// one, or a campaign's messages alike in one batch call where the channel has one), and settles
// each outcome. Its state (queue, in-flight sends, deferrals, the halt after an auth error) is
// shared by all of these steps, which is why they stay together in one class (over 300 lines
// since the formatter wrapped it); the pieces that stand alone live beside it (sendGate, waker,
// batchSending, recordOutcome, retryPolicy).
import type { Logger } from '../logger.ts';
import { attemptBatch, BatchKeys, type BatchSending } from './batchSending.ts';
import { processTimer, type LaneTimer } from './laneTimer.ts';
import type { ClaimedMessage, OutboxChannel, OutboxPayload, OutboxStore } from './outboxPorts.ts';
import {
  recordDeliveredTogether,
  recordOutcome,
  type OutcomeContext,
  type UndeliverableHook,
} from './recordOutcome.ts';
import type { RetryPolicy } from './retryPolicy.ts';
import { createSendGate, type RateLimits, type SendGate } from './sendGate.ts';
import type { Sender, SendResult } from './sender.ts';
import { Waker } from './waker.ts';

/** How a lane paces its work; the dispatcher's settings. */
export interface LaneSettings {
  /** How long a claim is ours; an instance that dies mid-send loses it after this. */
  leaseMs: number;
  /** How often to look for due messages when there were none. */
  pollIntervalMs: number;
  /** How much work to hold in memory: about this many ms of sending at the channel's rate. */
  horizonMs: number;
  retry: RetryPolicy;
}

export interface LaneDeps {
  channel: OutboxChannel;
  /** Called only with payloads of this lane's channel (the claim parses each channel's own kind). */
  sender: Sender<OutboxPayload>;
  limits: RateLimits;
  store: OutboxStore;
  settings: LaneSettings;
  clock: () => Date;
  log: Logger;
  onUndeliverable?: UndeliverableHook;
  /** Campaign messages alike go out together through it (Viber's broadcast), at its own limits. */
  batching?: BatchSending;
  /** The clock the rate limits keep to; the process's own unless a test simulates one. */
  timer?: LaneTimer;
}

type Next = { send: ClaimedMessage } | { batch: ClaimedMessage[] } | { waitMs: number };
type Deferral = { message: ClaimedMessage; until: number };

/** Messages given back for later are brought back this early, so they are at hand when their turn comes. */
const MIN_LEAD_MS = 100;
/** Given-back times are rounded to this, so that one write gives back many. */
const DEFERRAL_GRAIN_MS = 100;
/** Behind a message waiting for its retry, its address's other messages come back this much later, to stay behind it. */
const BEHIND_RETRY_MS = 50;
/** A batching lane holds this many full calls' worth, so a claim fills whole calls while the last ones go; more would only keep more rows leased. */
const BATCHES_HELD = 4;

/**
 * One channel's delivery: claims due messages a little ahead of the rate,
 * starts each send as soon as the channel's and the address's limits allow,
 * keeps each address's messages in order, and records every outcome.
 */
export class ChannelLane {
  private readonly gate: SendGate;
  private readonly timer: LaneTimer;
  private readonly waker: Waker;
  /** The batch calls' own gate, and the keys that say which messages may share one. */
  private readonly batches: { gate: SendGate; keys: BatchKeys; sending: BatchSending } | null;
  /** How many messages the lane holds (queued and in flight) at most. */
  private readonly capacity: number;
  private queue: ClaimedMessage[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private nextClaimAt = 0;
  /** The claim under way, if any: it runs beside the sends, so the lane never stops sending to wait for the table. */
  private claiming: Promise<void> | null = null;
  /** A claim that failed while draining (`untilIdle`), rethrown by the loop. */
  private claimFailure: { error: unknown } | null = null;
  /** The last claim found less than it asked for. */
  private nothingMoreDue = false;
  /** When the messages this lane gave back for later are due again, so it claims them on time. */
  private readonly deferrals = new Set<number>();
  private sweepDue = false;
  private stopping = false;
  /** Why the platform refused our credentials; once set, the lane sends nothing until the program restarts. */
  private halted: string | null = null;
  private settled = 0;

  constructor(private readonly deps: LaneDeps) {
    this.gate = createSendGate(deps.limits);
    this.timer = deps.timer ?? processTimer;
    this.waker = new Waker(this.timer);
    const { batching } = deps;
    this.batches = batching
      ? { gate: createSendGate(batching.limits), keys: new BatchKeys(batching), sending: batching }
      : null;
    const perMessage = Math.ceil((deps.limits.perSecond * deps.settings.horizonMs) / 1000);
    this.capacity = Math.max(1, perMessage, (batching?.maxAddresses ?? 0) * BATCHES_HELD);
  }

  /**
   * Sends until `stop()`, or with `untilIdle` until nothing due is left; then
   * waits for the sends in flight, gives back what it holds unsent, and
   * resolves to how many messages it settled (sent, failed or rescheduled).
   */
  async run(untilIdle: boolean): Promise<number> {
    if (this.halted) return 0;
    this.stopping = false;
    this.settled = 0;
    this.nextClaimAt = 0;
    try {
      while (!this.stopping) {
        this.refill(untilIdle);
        if (this.claimFailure) throw this.claimFailure.error;
        if (this.sweepDue) await this.deferFarMessages(untilIdle);
        const next = this.pickNext();
        if ('send' in next) this.track(this.send(next.send), next.send.id);
        else if ('batch' in next) this.track(this.sendBatch(next.batch), next.batch[0]!.id);
        else if (untilIdle && this.idle()) break;
        else await this.pause(next.waitMs);
      }
    } finally {
      await this.claiming;
      this.claimFailure = null;
      await Promise.all([...this.inFlight]);
      await this.releaseQueue();
    }
    return this.settled;
  }

  stop(): void {
    this.stopping = true;
    this.waker.wake();
  }

  /** Look for due messages now rather than at the next poll. */
  nudge(): void {
    this.nextClaimAt = 0;
    this.waker.wake();
  }

  /** Nothing due, nothing held, nothing in flight, and nothing this lane held back for its limits still to come. */
  private idle(): boolean {
    return (
      this.nothingMoreDue &&
      !this.claiming &&
      this.queue.length === 0 &&
      this.inFlight.size === 0 &&
      this.deferrals.size === 0
    );
  }

  /**
   * Waits until something may start, a send ends or a claim comes back. With
   * nothing to wait for but the claim under way it waits for that claim alone,
   * rather than polling: a simulated clock would race ahead at every poll.
   */
  private async pause(waitMs: number): Promise<void> {
    if (waitMs === Infinity && this.claiming && this.inFlight.size === 0) await this.claiming;
    else await this.waker.sleep(Math.min(waitMs, this.deps.settings.pollIntervalMs));
  }

  /** Rate limits run on a monotonic clock: the table's clock may be set by a test or jump with NTP. */
  private now(): number {
    return this.timer.now();
  }

  /** A moment on the monotonic clock, as the table's clock shows it. */
  private tableTime(at: number): Date {
    return new Date(this.deps.clock().getTime() + (at - this.now()));
  }

  /** When the next claim may run: not while one is under way, nor while the lane holds more than half its capacity. */
  private claimTime(): number {
    if (this.claiming) return Infinity;
    const room = this.capacity - this.queue.length - this.inFlight.size;
    return room < Math.ceil(this.capacity / 2) ? Infinity : this.nextClaimAt;
  }

  /**
   * Starts a claim when one is due, without waiting for it: it is asked for
   * while half the lane's capacity (about a second of sending) is still in
   * hand, so the next rows arrive before the last ones have gone and the gate
   * never waits for the table. The loop is woken when they come.
   */
  private refill(untilIdle: boolean): void {
    if (this.now() < this.claimTime()) return;
    this.claiming = this.claim(untilIdle).finally(() => {
      this.claiming = null;
      this.waker.wake();
    });
  }

  private async claim(untilIdle: boolean): Promise<void> {
    const now = this.now();
    const { channel, store, settings } = this.deps;
    const limit = this.capacity - this.queue.length - this.inFlight.size;
    try {
      const claimed = await store.claimDue({ channel, limit, now: this.deps.clock(), leaseMs: settings.leaseMs });
      this.queue.push(...claimed);
      this.nothingMoreDue = claimed.length < limit;
      for (const until of this.deferrals) if (until <= now) this.deferrals.delete(until);
      this.nextClaimAt = Math.min(this.nothingMoreDue ? now + settings.pollIntervalMs : now, ...this.deferrals);
      if (claimed.length > 0) this.sweepDue = true;
    } catch (error) {
      if (untilIdle) this.claimFailure = { error };
      else this.deps.log.error({ err: error, channel }, 'outbox: could not claim due messages; will try again');
      this.nextClaimAt = now + settings.pollIntervalMs;
    }
  }

  /**
   * What may start now: a batch of campaign messages alike when the lane
   * batches and its gate allows, else the first queued message whose address
   * may be written to; each address's messages go in their queue order.
   * Otherwise how long to wait.
   */
  private pickNext(): Next {
    const now = this.now();
    let until = this.claimTime();
    if (this.queue.length === 0) {
      this.gate.quiet();
      this.batches?.gate.quiet();
      return { waitMs: until - now };
    }
    const pausedUntil = this.gate.pausedUntil();
    if (pausedUntil > now) return { waitMs: Math.min(until, pausedUntil) - now };
    const { ready, soonest } = this.readyHeads();
    const { batch, singles } = this.batches ? this.batches.keys.split(ready) : { batch: null, singles: ready };
    if (!batch) this.batches?.gate.quiet();
    if (singles.length === 0) this.gate.quiet();
    if (batch) {
      const batchAt = this.batches!.gate.channelReadyAt(now);
      if (batchAt <= now) return { batch: this.take(batch) };
      until = Math.min(until, batchAt);
    }
    if (singles.length > 0) {
      const channelAt = this.gate.channelReadyAt(now);
      if (channelAt <= now) return { send: this.take(singles.slice(0, 1))[0]! };
      until = Math.min(until, channelAt);
    }
    return { waitMs: Math.min(until, soonest) - now };
  }

  /** The first queued message of each address that may be written to now, in queue order; and when the next address frees. */
  private readyHeads(): { ready: ClaimedMessage[]; soonest: number } {
    const now = this.now();
    const ready: ClaimedMessage[] = [];
    let soonest = Infinity;
    const seen = new Set<string>();
    for (const message of this.queue) {
      if (seen.has(message.address)) continue;
      seen.add(message.address);
      const readyAt = this.gate.addressReadyAt(message.address);
      if (readyAt <= now) ready.push(message);
      else soonest = Math.min(soonest, readyAt);
    }
    return { ready, soonest };
  }

  private take(messages: ClaimedMessage[]): ClaimedMessage[] {
    const taken = new Set(messages);
    this.queue = this.queue.filter((message) => !taken.has(message));
    return messages;
  }

  private track(work: Promise<void>, outboxId: string): void {
    const tracked = work
      .catch((error: unknown) =>
        this.deps.log.error(
          { err: error, outboxId },
          'outbox: could not record the outcome of a send; the lease will expire and the message be retried',
        ),
      )
      .finally(() => {
        this.inFlight.delete(tracked);
        this.waker.wake();
      });
    this.inFlight.add(tracked);
  }

  private async send(message: ClaimedMessage): Promise<void> {
    const started = this.now();
    if (this.tooLate(message)) {
      await this.giveBackLate([message]);
      return;
    }
    let result: SendResult;
    if (message.message) {
      this.gate.begin(message.address, started);
      result = await this.attempt(message.address, message.message);
      this.gate.end(message.address, this.now());
    } else {
      result = { kind: 'rejected', reason: 'the stored message could not be read by this version of the program' };
    }
    if (result.kind === 'unauthorized') return this.halt([message], result.reason);
    await this.settle(message, result);
  }

  /**
   * One call for many messages alike: the batch gate counts the call, and
   * each address its own message (busy until the answer, one more in its
   * hour). Every message is then settled by its own result.
   */
  private async sendBatch(batch: ClaimedMessage[]): Promise<void> {
    const { gate, sending } = this.batches!;
    const late = new Set(batch.filter((message) => this.tooLate(message)));
    const fresh = batch.filter((message) => !late.has(message));
    if (fresh.length > 0) {
      gate.beginCall(this.now());
      for (const message of fresh) this.gate.beginAddress(message.address);
      const results = await attemptBatch(sending, fresh, this.deps.log);
      const ended = this.now();
      gate.endCall(ended);
      for (const message of fresh) this.gate.endAddress(message.address, ended);
      const refused = results.find((result) => result.kind === 'unauthorized');
      if (refused) return this.halt(batch, refused.reason);
      await this.settleBatch(fresh, results);
    }
    if (late.size > 0) await this.giveBackLate([...late]);
  }

  /**
   * Gives back messages held too long to send safely. They are due at once,
   * so the lane looks again, instead of trusting a claim that may have run
   * before they were back in the table.
   */
  private async giveBackLate(messages: ClaimedMessage[]): Promise<void> {
    await this.deps.store.release(messages);
    this.nothingMoreDue = false;
    this.nextClaimAt = 0;
  }

  /** Half the lease is kept in hand: a send must never start so late that the row could be claimed again meanwhile. */
  private tooLate(message: ClaimedMessage): boolean {
    return this.deps.clock().getTime() > message.lockedUntil.getTime() - this.deps.settings.leaseMs / 2;
  }

  private async settle(message: ClaimedMessage, result: Exclude<SendResult, { kind: 'unauthorized' }>): Promise<void> {
    if (result.kind !== 'delivered') this.sweepDue = true;
    await recordOutcome(message, result, this.outcomeContext());
    this.settled += 1;
  }

  /** The delivered ones of a batch in one write (they share the call's id), the others each by its outcome. */
  private async settleBatch(messages: ClaimedMessage[], results: SendResult[]): Promise<void> {
    const delivered = new Map<string | undefined, ClaimedMessage[]>();
    for (const [index, message] of messages.entries()) {
      const result = results[index]!;
      if (result.kind === 'delivered')
        delivered.set(result.platformId, [...(delivered.get(result.platformId) ?? []), message]);
      else if (result.kind !== 'unauthorized') await this.settle(message, result);
    }
    for (const [platformId, together] of delivered) {
      await recordDeliveredTogether(together, platformId, this.outcomeContext());
      this.settled += together.length;
    }
  }

  private outcomeContext(): OutcomeContext {
    const { store, settings, log, onUndeliverable } = this.deps;
    return {
      store,
      gate: this.gate,
      retry: settings.retry,
      log,
      now: this.deps.clock(),
      gateNow: this.now(),
      onUndeliverable,
    };
  }

  /**
   * The platform refused our credentials: every message on this channel would
   * be refused alike, and none of them is at fault. The messages go back
   * unsent, as do the ones the lane holds, and the lane stops, saying so once;
   * the messages wait in the table for a restart with working credentials.
   */
  private async halt(messages: ClaimedMessage[], reason: string): Promise<void> {
    if (!this.halted) {
      this.halted = reason;
      this.deps.log.error(
        { channel: this.deps.channel, reason },
        'outbox: the platform refused our credentials; this channel sends nothing until they are fixed and the program restarted, and its messages wait',
      );
    }
    this.stop();
    await this.deps.store.release(messages);
  }

  /** A sender that throws broke its contract (our code failed); the message is retried like a network failure. */
  private async attempt(address: string, message: NonNullable<ClaimedMessage['message']>): Promise<SendResult> {
    try {
      return await this.deps.sender(address, message);
    } catch (error) {
      this.deps.log.error(
        { err: error, channel: this.deps.channel },
        'outbox: the sender threw instead of returning a result; retrying later',
      );
      return { kind: 'transient', reason: `the sender failed: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  /**
   * Gives back to the table the messages that cannot go soon — the channel is
   * paused, the address must wait its interval, or a message before them
   * waits for its retry — with their next attempt set to shortly before
   * their turn. Held here they would take the place of messages to other
   * addresses that could go now, and only keep their lease.
   */
  private async deferFarMessages(untilIdle: boolean): Promise<void> {
    this.sweepDue = false;
    const now = this.now();
    const interval = this.deps.limits.perAddressIntervalMs;
    const lead = Math.min(this.deps.settings.horizonMs, Math.max(MIN_LEAD_MS, interval / 2));
    const projected = new Map<string, number>();
    const far: Deferral[] = [];
    this.queue = this.queue.filter((message) => {
      const at =
        projected.get(message.address) ?? Math.max(this.gate.pausedUntil(), this.readyAt(message.address, now));
      projected.set(message.address, at + interval);
      const held = this.gate.heldUntil(message.address);
      if (held > now) far.push({ message, until: held + BEHIND_RETRY_MS });
      else if (at > now + lead)
        far.push({ message, until: Math.floor((at - lead) / DEFERRAL_GRAIN_MS) * DEFERRAL_GRAIN_MS });
      else return true;
      return false;
    });
    try {
      await this.releaseGrouped(far);
    } catch (error) {
      if (untilIdle) throw error;
      this.deps.log.error(
        { err: error, channel: this.deps.channel },
        'outbox: could not give back messages held for later; they return when their lease expires',
      );
    }
  }

  /** When the address is free, counting one still in flight as busy for one more interval. */
  private readyAt(address: string, now: number): number {
    const readyAt = this.gate.addressReadyAt(address);
    return readyAt === Infinity ? now + this.deps.limits.perAddressIntervalMs : readyAt;
  }

  /** One write per moment; the lane looks for due messages again when the first of them comes due. */
  private async releaseGrouped(far: Deferral[]): Promise<void> {
    const byTime = new Map<number, ClaimedMessage[]>();
    for (const { message, until } of far) {
      const group = byTime.get(until);
      if (group) group.push(message);
      else byTime.set(until, [message]);
      this.nextClaimAt = Math.min(this.nextClaimAt, until);
      this.deferrals.add(until);
    }
    for (const [until, messages] of byTime) await this.deps.store.release(messages, this.tableTime(until));
  }

  private async releaseQueue(): Promise<void> {
    const unsent = this.queue;
    this.queue = [];
    if (unsent.length === 0) return;
    try {
      await this.deps.store.release(unsent);
    } catch (error) {
      this.deps.log.error(
        { err: error, channel: this.deps.channel, count: unsent.length },
        'outbox: could not give back unsent messages; they return when their lease expires',
      );
    }
  }
}
