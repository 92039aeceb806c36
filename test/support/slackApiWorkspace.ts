// What the Slack stand-in remembers between calls: the messages the app
// posted, the members and users a test set up, and files uploaded through
// the external-upload flow. Tests read it to see the staff channel as Slack
// would show it.
import { randomBytes } from 'node:crypto';
import type { SlackIdentity } from './slackApiIdentity.ts';
import type { SlackTrigger, SlackView } from './slackApiViews.ts';

export interface SlackMessage {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  /** The poster: the bot user for everything the app sent. */
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  blocks?: unknown[];
  attachments?: unknown[];
  /** On a reply: its parent's ts. On a parent with replies: its own ts. */
  thread_ts?: string;
  reply_count?: number;
  /** A thread reply also shown in the channel (`reply_broadcast`). */
  subtype?: 'thread_broadcast';
  files?: SlackFileObject[];
  edited?: { user: string; ts: string };
}

export interface SlackEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  message_ts: string;
}

export interface SlackUserProfile {
  id: string;
  firstName?: string;
  lastName?: string;
  realName?: string;
  displayName?: string;
  /** The handle (`name`); defaults to the id in lower case. */
  name?: string;
  isBot?: boolean;
}

export interface UploadedFile {
  id: string;
  filename: string;
  title: string;
  /** The length `files.getUploadURLExternal` announced. */
  length: number;
  /** Undefined until the upload URL received the bytes. */
  bytes?: Buffer;
  channel?: string;
  threadTs?: string;
}

/** The file object Slack puts in `files` of messages and API results (the fields apps read). */
export interface SlackFileObject {
  id: string;
  created: number;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  user: string;
  size: number;
  url_private: string;
  url_private_download: string;
  permalink: string;
}

let lastTsMicros = 0;

/**
 * A Slack message timestamp (seconds and microseconds, "1732350000.000100"),
 * unique and increasing across the whole test process, so ts values the fake
 * hands out and ts values a test builds for events never collide.
 */
export function nextSlackTs(): string {
  lastTsMicros = Math.max(Date.now() * 1000, lastTsMicros + 100);
  const seconds = Math.floor(lastTsMicros / 1_000_000);
  return `${seconds}.${String(lastTsMicros % 1_000_000).padStart(6, '0')}`;
}

export class SlackWorkspace {
  readonly messages: SlackMessage[] = [];
  readonly ephemerals: SlackEphemeral[] = [];
  readonly members = new Map<string, string[]>();
  readonly users = new Map<string, SlackUserProfile>();
  readonly files = new Map<string, UploadedFile>();
  /** Trigger ids handed out with interactions, and the modals opened with them (by view id). */
  readonly triggers = new Map<string, SlackTrigger>();
  readonly views = new Map<string, SlackView & { user: string }>();

  constructor(readonly identity: SlackIdentity) {
    this.users.set(identity.botUserId, {
      id: identity.botUserId,
      name: identity.botName,
      realName: identity.botName,
      isBot: true,
    });
  }

  /** Top-level messages of a channel (broadcast thread replies included), oldest first. */
  channelMessages(channel: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && (isTopLevel(m) || m.subtype === 'thread_broadcast'));
  }

  /** Replies in a thread, oldest first, without its parent. */
  threadReplies(channel: string, threadTs: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.thread_ts === threadTs && m.ts !== threadTs);
  }

  findMessage(channel: string, ts: string): SlackMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /**
   * Files a reply into its thread and marks the parent (`thread_ts`, `reply_count`).
   * Slack asks for the parent's ts; given a reply's ts, this fake threads under that reply's parent.
   */
  addReply(reply: SlackMessage, threadTs: string): SlackMessage {
    const parent = this.findMessage(reply.channel, threadTs);
    const rootTs = parent?.thread_ts ?? threadTs;
    const root = parent?.thread_ts === undefined ? parent : this.findMessage(reply.channel, rootTs);
    if (root) Object.assign(root, { thread_ts: root.ts, reply_count: (root.reply_count ?? 0) + 1 });
    const stored = { ...reply, thread_ts: rootTs };
    this.messages.push(stored);
    return stored;
  }

  newFileId(): string {
    return `F0${randomBytes(6).toString('hex').toUpperCase().slice(0, 9)}`;
  }
}

function isTopLevel(message: SlackMessage): boolean {
  return message.thread_ts === undefined || message.thread_ts === message.ts;
}
