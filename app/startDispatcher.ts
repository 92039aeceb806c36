import { Api } from 'grammy';
import type { DeskPost } from '../core/desk/deskPost.ts';
import type { Logger } from '../core/logger.ts';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../core/outbox/dispatcher.ts';
import type { UndeliverableHook } from '../core/outbox/recordOutcome.ts';
import type { RetryPolicy } from '../core/outbox/retryPolicy.ts';
import type { RateLimits } from '../core/outbox/sendGate.ts';
import type { Sender } from '../core/outbox/sender.ts';
import { fanOutSenders } from '../core/outbox/fanOutSenders.ts';
import { DESK_LANE } from '../core/outbox/outboxPorts.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { readInbox } from '../core/storage/outbox/readInbox.ts';
import { createOutboxStore } from '../core/storage/outbox/createOutboxStore.ts';
import { createTelegramSender } from '../bots/telegram/sendTelegramMessage.ts';
import type { WebInbox } from '../bots/web/webInboxRoute.ts';
import { webInboxSender } from '../bots/web/webInboxSender.ts';
import type { Config } from './config.ts';
import { createViberBroadcaster } from '../bots/viber/createViberBroadcaster.ts';
import { createViberSender } from '../bots/viber/createViberSender.ts';
import { viberLimitsOf, viberSendDepsFor, type ViberConfig } from './viber.ts';
import { countSends, type SendObserver } from './metrics/countSends.ts';
import { countBatchSends } from './metrics/countBatchSends.ts';

/** Telegram asks bots to write to one chat at most about once a second. */
export const TELEGRAM_CHAT_INTERVAL_MS = 1_000;
/** The web inbox is our own table; the limit only keeps a campaign from monopolising the database. */
const WEB_LIMITS: RateLimits = { perSecond: 500, perAddressIntervalMs: 0 };
/** A Bot API call that hangs is abandoned well within the dispatcher's 60-second lease. */
const TELEGRAM_TIMEOUT_SECONDS = 20;
const WEB_INBOX_PAGE = 100;

type DispatcherConfig = Pick<Config, 'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_API_ROOT' | 'TELEGRAM_RATE_PER_SECOND'> &
  ViberConfig;

/** One place staff see tickets (Slack's staff channel; next, the console's desk inbox). */
export interface DeskOutlet {
  sender: Sender<DeskPost>;
  /** Posts per second it takes. */
  perSecond: number;
}

/** The staff desk's part of the outbox: every desk the deployment shows tickets on. */
export interface DeskDelivery {
  outlets: DeskOutlet[];
  onUndeliverable: UndeliverableHook;
}

/**
 * Staff must get every ticket however long the desk is away: its posts
 * are retried for as long as it takes, at most every five minutes.
 */
const DESK_RETRY: RetryPolicy = { baseMs: 1_000, capMs: 300_000, maxAttempts: Number.POSITIVE_INFINITY };

/**
 * Starts delivering the outbox on every channel the deployment has. The
 * Telegram sender gets an `Api` of its own, without the auto-retry the bot's
 * replies use, so that every 429 reaches the dispatcher.
 */
export function startDispatcher(
  config: DispatcherConfig,
  db: Database,
  log: Logger,
  clock: () => Date,
  desk?: DeskDelivery,
  observeSend: SendObserver = () => {},
): Dispatcher {
  const { senders, limits, batching } = customerLanes(config, db, clock, observeSend);
  if (desk && desk.outlets.length > 0) {
    senders[DESK_LANE] = countSends(DESK_LANE, fanOutSenders(desk.outlets.map((outlet) => outlet.sender)), observeSend);
    // One ticket's posts one after another; the lane as a whole at the slowest desk's pace.
    limits[DESK_LANE] = {
      perSecond: Math.min(...desk.outlets.map((outlet) => outlet.perSecond)),
      perAddressIntervalMs: 0,
    };
  }
  const dispatcher = createDispatcher({
    store: createOutboxStore(db),
    senders,
    limits,
    batching,
    clock,
    log,
    retries: { [DESK_LANE]: DESK_RETRY },
    ...(desk && { onUndeliverable: desk.onUndeliverable }),
  });
  dispatcher.start();
  return dispatcher;
}

/**
 * The lanes of the customers' channels the deployment has: the web chat
 * always, Telegram and Viber when configured; Viber sends campaigns by broadcast.
 */
function customerLanes(config: DispatcherConfig, db: Database, clock: () => Date, observe: SendObserver) {
  const senders: DispatcherOptions['senders'] = { web: countSends('web', webInboxSender, observe) };
  const limits: DispatcherOptions['limits'] = { web: WEB_LIMITS };
  const batching: NonNullable<DispatcherOptions['batching']> = {};
  if (config.TELEGRAM_BOT_TOKEN) {
    const api = new Api(config.TELEGRAM_BOT_TOKEN, {
      apiRoot: config.TELEGRAM_API_ROOT,
      timeoutSeconds: TELEGRAM_TIMEOUT_SECONDS,
    });
    senders.telegram = countSends('telegram', createTelegramSender(api), observe);
    limits.telegram = { perSecond: config.TELEGRAM_RATE_PER_SECOND, perAddressIntervalMs: TELEGRAM_CHAT_INTERVAL_MS };
  }
  const viber = viberSendDepsFor(config, db, clock);
  if (viber) {
    senders.viber = countSends('viber', createViberSender(viber), observe);
    limits.viber = viberLimitsOf(config);
    batching.viber = countBatchSends('viber', createViberBroadcaster(viber), observe);
  }
  return { senders, limits, batching };
}

/** The web chat's inbox: what the outbox delivered to a visitor. */
export function webInboxOf(db: Database): WebInbox {
  return (visitor, after) => readInbox(db, 'web', visitor, { ...(after && { after }), limit: WEB_INBOX_PAGE });
}
