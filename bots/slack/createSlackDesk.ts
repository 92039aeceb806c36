import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { DeskPost } from '../../core/desk/deskPost.ts';
import type { StaffDesk } from '../../core/desk/staffDesk.ts';
import type { Channel } from '../../core/inbound.ts';
import type { Logger } from '../../core/logger.ts';
import type { Sender } from '../../core/outbox/sender.ts';
import { createDeskSender } from './sendDeskPost.ts';
import type { PhotoSource } from '../../core/desk/deskPorts.ts';
import { registerSlackListeners } from './slackListeners.ts';
import { createStaffDirectory } from './staffDirectory.ts';
import { createSlackRequestVerifier, type SlackRequestVerifier } from './verifySlackRequest.ts';
import type { ContestEntry } from '../../core/contests/contest.ts';
import {
  postEntryForModeration,
  registerContestModeration,
  type ContestModerationOptions,
} from './contestModeration.ts';

export interface SlackDeskOptions {
  token: string;
  signingSecret: string;
  staffChannel: string;
  /** The Web API's base URL, ending in `/` (a local stand-in in tests). */
  apiUrl: string;
  desk: StaffDesk;
  photos: Partial<Record<Channel, PhotoSource>>;
  log: Logger;
  /** Milliseconds since the epoch, for the age of Slack's requests. */
  now?: () => number;
  /** Contest entries moderated in Slack (bots/slack/contestModeration.ts); without it entries wait in the console only. */
  moderation?: ContestModerationOptions;
}

export interface SlackDesk {
  /** Checks a request's signature, age and novelty before Bolt sees it. */
  verifier: SlackRequestVerifier;
  /** Handles one request Slack sent (events, buttons, /loyalty): verified, then answered. */
  requestListener: HTTPReceiver['requestListener'];
  /** The outbox's sender for the staff channel. */
  sender: Sender<DeskPost>;
  /** Puts a contest entry before the moderation channel, when moderation is on. */
  postContestEntry?: (entry: ContestEntry) => Promise<void>;
}

/** Slack's requests all come to this one path. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** A Web API call that hangs is abandoned well within the outbox's lease. */
const SLACK_TIMEOUT_MS = 20_000;
/** Slack's payloads are a few kilobytes; Bolt would read 4 MB from anyone before checking who sent it. */
export const SLACK_BODY_LIMIT = 1024 * 1024;

/**
 * The staff desk in Slack, with Bolt. Every request's signature, its age
 * (5 minutes either way) and novelty are checked before Bolt sees it
 * (registerSlackRoute.ts), and Bolt checks the signature again; with
 * `processBeforeResponse` the answer goes out only after the request's effect
 * is written, so a failure makes Slack retry instead of losing a reply.
 */
export function createSlackDesk(options: SlackDeskOptions): SlackDesk {
  const logger = boltLogger(options.log);
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: [SLACK_EVENTS_PATH],
    processBeforeResponse: true,
    bodyLimit: SLACK_BODY_LIMIT,
    logger,
  });
  // Calls made while answering a request are few and must be quick: one retry at most.
  const clientOptions = {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 1, maxTimeout: 1_000 },
    timeout: 2_500,
    logger,
  };
  const client = new WebClient(options.token, clientOptions);
  const app = new App({ authorize: botAuthorization(client, options.token), receiver, logger, clientOptions });
  const directory = createStaffDirectory(client, options.staffChannel, options.log);
  registerSlackListeners(app, { desk: options.desk, directory, staffChannel: options.staffChannel, log: options.log });
  const { moderation } = options;
  if (moderation) {
    // Moderators are the moderation channel's members: the staff channel's, unless another is named.
    const moderators =
      moderation.channel === options.staffChannel
        ? directory
        : createStaffDirectory(client, moderation.channel, options.log);
    registerContestModeration(app, moderators, moderation);
  }
  // The outbox retries and paces by itself: every failure, 429s included, must reach it.
  const outboxClient = new WebClient(options.token, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: SLACK_TIMEOUT_MS,
    logger,
  });
  const sender = createDeskSender({
    client: outboxClient,
    desk: options.desk,
    staffChannel: options.staffChannel,
    photos: options.photos,
    log: options.log,
  });
  return {
    requestListener: receiver.requestListener,
    sender,
    verifier: createSlackRequestVerifier(options.signingSecret, options.now),
    ...(moderation && { postContestEntry: postEntryForModeration(client, moderation) }),
  };
}

/**
 * Who the bot is (for Bolt to ignore the bot's own messages), asked of Slack
 * when the first request comes and kept. Bolt's own token mode asks at
 * start-up and keeps a failure forever: Slack being down while we start
 * would leave the desk deaf until a restart. Here a failure is asked again.
 */
function botAuthorization(
  client: WebClient,
  botToken: string,
): () => Promise<{ botToken: string; botId?: string; botUserId?: string }> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | null = null;
  return async () => {
    identity ??= client.auth.test().then(
      (result) => ({
        ...(result.bot_id && { botId: result.bot_id }),
        ...(result.user_id && { botUserId: result.user_id }),
      }),
      (error: unknown) => {
        identity = null;
        throw error;
      },
    );
    return { botToken, ...(await identity) };
  };
}

/** Bolt's and the Web API's log lines, into ours. */
function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) =>
    parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: () => {},
    info: (...parts) => log.info({ source: 'slack' }, line(parts)),
    warn: (...parts) => log.warn({ source: 'slack' }, line(parts)),
    error: (...parts) => log.error({ source: 'slack' }, line(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
