import type { Channel } from '../inbound.ts';
import type { Logger } from '../logger.ts';
import type { Outbound } from '../outbound.ts';
import type { BatchSending } from './batchSending.ts';
import { ChannelLane, type LaneSettings } from './channelLane.ts';
import type { LaneTimer } from './laneTimer.ts';
import { DESK_LANE, type OutboxChannel, type OutboxPayload, type OutboxStore } from './outboxPorts.ts';
import type { UndeliverableHook } from './recordOutcome.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy.ts';
import type { DeskPost } from '../desk/deskPost.ts';
import type { RateLimits } from './sendGate.ts';
import type { Sender } from './sender.ts';

export type { LaneSettings as DispatcherSettings } from './channelLane.ts';

export interface DispatcherOptions {
  store: OutboxStore;
  /** One sender per channel the deployment has; messages for other channels wait in the table. */
  senders: { [C in Channel]?: Sender } & { [DESK_LANE]?: Sender<DeskPost> };
  /** The flood limits of every channel that has a sender. */
  limits: Partial<Record<OutboxChannel, RateLimits>>;
  /** Channels that can send one campaign message to many in one call (Viber's broadcast), and how. */
  batching?: { [C in Channel]?: BatchSending<Outbound> };
  settings?: Partial<LaneSettings>;
  /** A channel's own retry policy, instead of `settings.retry` (the staff desk never gives up on its desk). */
  retries?: Partial<Record<OutboxChannel, RetryPolicy>>;
  onUndeliverable?: UndeliverableHook;
  /** The time written to the table (claims, retries, sentAt); rate limits keep to a monotonic clock of their own. */
  clock?: () => Date;
  /** The monotonic clock rate limits keep to; a test of limits over many seconds may simulate it. */
  timer?: LaneTimer;
  log: Logger;
}

/** Delivers the outbox: one lane per channel, each with its own limits. */
export interface Dispatcher {
  /** Starts delivering in the background until `stop()`. */
  start(): void;
  /** Finishes the sends in flight, records them, gives back what was claimed but not sent. */
  stop(): Promise<void>;
  /** Delivers everything due now and resolves with how many messages were settled (not while started). */
  drainOnce(): Promise<number>;
  /** Something was just written to the outbox: look now instead of at the next poll. */
  nudge(): void;
}

export const defaultDispatcherSettings: LaneSettings = {
  leaseMs: 60_000,
  pollIntervalMs: 1_000,
  horizonMs: 2_000,
  retry: defaultRetryPolicy,
};

/**
 * The outbox dispatcher. Safe to run on several instances against one
 * database: rows are leased when claimed and every outcome is written only by
 * the lease's holder. Rate limits are kept per instance, so with several
 * instances give each its share of the platform's limit.
 *
 * Never twice: a message is marked sent by one write straight after the
 * platform accepted it. The one window left is a crash between the platform's
 * acceptance and that write (or an answer lost on the network after the
 * platform acted): the lease then expires and the message goes out again.
 * No platform we send to offers an idempotency key that could close it.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const settings = { ...defaultDispatcherSettings, ...options.settings };
  const lanes = createLanes(options, settings);
  let running: Promise<unknown>[] | null = null;
  return {
    start() {
      if (running) return;
      running = lanes.map((lane) =>
        lane.run(false).catch((error: unknown) => options.log.error({ err: error }, 'outbox: a delivery lane stopped')),
      );
    },
    async stop() {
      if (!running) return;
      for (const lane of lanes) lane.stop();
      await Promise.all(running);
      running = null;
    },
    async drainOnce() {
      if (running) throw new Error('drainOnce() cannot run while the dispatcher is started; call stop() first.');
      const settled = await Promise.all(lanes.map((lane) => lane.run(true)));
      return settled.reduce((sum, count) => sum + count, 0);
    },
    nudge() {
      for (const lane of lanes) lane.nudge();
    },
  };
}

function createLanes(options: DispatcherOptions, settings: LaneSettings): ChannelLane[] {
  const clock = options.clock ?? (() => new Date());
  return Object.entries(options.senders).map(([name, sender]) => {
    const channel = name as OutboxChannel;
    const limits = options.limits[channel];
    if (!limits)
      throw new Error(`The outbox has a sender for ${channel} but no rate limits for it; pass limits.${channel}.`);
    const laneSettings = { ...settings, retry: options.retries?.[channel] ?? settings.retry };
    // Each lane claims only its channel's rows, whose payload is that channel's kind.
    const typed = sender as Sender<OutboxPayload>;
    const batching = channel === DESK_LANE ? undefined : (options.batching?.[channel] as BatchSending | undefined);
    return new ChannelLane({
      channel,
      sender: typed,
      limits,
      store: options.store,
      settings: laneSettings,
      clock,
      log: options.log,
      onUndeliverable: options.onUndeliverable,
      ...(batching && { batching }),
      ...(options.timer && { timer: options.timer }),
    });
  });
}
