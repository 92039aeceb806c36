// Requests as Slack sends them to an app: Events API JSON, interactivity and
// slash commands form-encoded, each signed with the app's signing secret.
// Ids default to the fake Slack API's workspace, so Bolt sees one world.
import { createHmac, randomBytes } from 'node:crypto';
import { SLACK_IDENTITY } from './slackApiIdentity.ts';
import { nextSlackTs, type SlackFileObject } from './slackApiWorkspace.ts';

export { nextSlackTs } from './slackApiWorkspace.ts';

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

export interface SigningOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Slack's redelivery count (`X-Slack-Retry-Num`), with `retryReason` (default `http_timeout`). */
  retryNum?: number;
  retryReason?: string;
  /** Break the request the way a forger or a replay would. */
  tamper?: 'wrong-signature' | 'missing-headers' | 'stale';
  /** Defaults to JSON for a `{…}` body, otherwise a form. */
  contentType?: string;
}

/** Slack refuses (and Bolt rejects) timestamps more than five minutes old. */
const STALE_AFTER_SECONDS = 5 * 60;

/** Signs `v0:<timestamp>:<raw body>` with HMAC-SHA256, as Slack does. */
export function signedRequest(secret: string, body: string, options: SigningOptions = {}): SignedRequest {
  const now = options.timestamp ?? Math.floor(Date.now() / 1000);
  const timestamp = options.tamper === 'stale' ? now - STALE_AFTER_SECONDS - 60 : now;
  const signingSecret = options.tamper === 'wrong-signature' ? `${secret}-not` : secret;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? contentTypeOf(body) };
  if (options.tamper !== 'missing-headers') {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(signingSecret, timestamp, body);
  }
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return { headers, body };
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed request to the app, like Slack's delivery. */
export async function postToApp(
  url: string,
  signed: SignedRequest,
): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

export interface EventCallbackOptions {
  event: Record<string, unknown>;
  eventId?: string;
  teamId?: string;
  /** Unix seconds; defaults to now. */
  eventTime?: number;
}

/** The JSON body of an Events API delivery (`type: event_callback`). */
export function eventCallback({
  event,
  eventId,
  teamId = SLACK_IDENTITY.teamId,
  eventTime,
}: EventCallbackOptions): string {
  return JSON.stringify({
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: SLACK_IDENTITY.appId,
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${randomId(10)}`,
    event_time: eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: SLACK_IDENTITY.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomId(24)}`,
  });
}

/** The handshake Slack sends when a Request URL is saved; the app must echo `challenge`. */
export function urlVerification(challenge: string): string {
  return JSON.stringify({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' });
}

export interface MessageEventOptions {
  channel: string;
  user: string;
  text: string;
  /** Defaults to a fresh Slack-shaped ts. */
  ts?: string;
  /** The parent's ts for a reply in a thread. */
  threadTs?: string;
  /** Shared files: the event becomes `subtype: 'file_share'`, as Slack sends it. */
  files?: SlackFileObject[];
  /** `channel` for public channels (message.channels), `group` for private ones (message.groups). */
  channelType?: 'channel' | 'group';
}

/** A person's message event (`message.channels` / `message.groups`). */
export function messageEvent(options: MessageEventOptions): Record<string, unknown> {
  const ts = options.ts ?? nextSlackTs();
  return {
    type: 'message',
    ...(options.files ? { subtype: 'file_share', files: options.files, upload: false, display_as_bot: false } : {}),
    channel: options.channel,
    user: options.user,
    text: options.text,
    ts,
    ...(options.threadTs ? { thread_ts: options.threadTs, parent_user_id: SLACK_IDENTITY.botUserId } : {}),
    team: SLACK_IDENTITY.teamId,
    client_msg_id: `${randomId(8)}-${randomId(4)}`.toLowerCase(),
    event_ts: ts,
    channel_type: options.channelType ?? 'channel',
  };
}

export interface BotMessageEventOptions {
  channel: string;
  text: string;
  ts?: string;
  threadTs?: string;
  botId?: string;
  botUserId?: string;
  /**
   * `app` (default): what a bot token's chat.postMessage echoes back, a plain
   * message with `user` + `bot_id` and no subtype. `integration`: a classic
   * bot or webhook's `subtype: 'bot_message'` with `bot_id` and no user.
   */
  style?: 'app' | 'integration';
}

/** The echo of a bot's own post, which the desk must not relay back. */
export function botMessageEvent(options: BotMessageEventOptions): Record<string, unknown> {
  const ts = options.ts ?? nextSlackTs();
  const botId = options.botId ?? SLACK_IDENTITY.botId;
  const author =
    options.style === 'integration'
      ? { subtype: 'bot_message', bot_id: botId, username: SLACK_IDENTITY.botName }
      : {
          user: options.botUserId ?? SLACK_IDENTITY.botUserId,
          bot_id: botId,
          app_id: SLACK_IDENTITY.appId,
          bot_profile: botProfile(botId),
        };
  return {
    type: 'message',
    ...author,
    channel: options.channel,
    text: options.text,
    ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    team: SLACK_IDENTITY.teamId,
    event_ts: ts,
    channel_type: 'channel',
  };
}

export interface BlockActionsOptions {
  user: string;
  channel: string;
  /** The ts of the message that carries the button. */
  messageTs: string;
  actionId: string;
  value?: string;
  blockId?: string;
  triggerId?: string;
  /** The message as Slack shows it in the payload; defaults to a bot message with no blocks. */
  message?: Record<string, unknown>;
  responseUrl?: string;
}

/** A button click, form-encoded as `payload=<json>` the way Slack posts interactivity. */
export function blockActions(options: BlockActionsOptions): string {
  const team = { id: SLACK_IDENTITY.teamId, domain: SLACK_IDENTITY.teamDomain };
  const payload = {
    type: 'block_actions',
    user: {
      id: options.user,
      username: options.user.toLowerCase(),
      name: options.user.toLowerCase(),
      team_id: team.id,
    },
    api_app_id: SLACK_IDENTITY.appId,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false },
    trigger_id: options.triggerId ?? `${randomDigits(13)}.${randomDigits(13)}.${randomId(32).toLowerCase()}`,
    team,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: options.channel, name: 'privategroup' },
    message: options.message ?? {
      type: 'message',
      user: SLACK_IDENTITY.botUserId,
      bot_id: SLACK_IDENTITY.botId,
      text: '',
      ts: options.messageTs,
      team: team.id,
    },
    state: { values: {} },
    response_url:
      options.responseUrl ?? `https://hooks.slack.com/actions/${team.id}/${randomDigits(13)}/${randomId(24)}`,
    actions: [
      {
        action_id: options.actionId,
        block_id: options.blockId ?? randomId(5),
        text: { type: 'plain_text', text: options.actionId, emoji: true },
        ...(options.value === undefined ? {} : { value: options.value }),
        type: 'button',
        action_ts: nextSlackTs(),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface SlashCommandOptions {
  command: string;
  text: string;
  userId: string;
  channelId: string;
  responseUrl?: string;
  userName?: string;
  channelName?: string;
  triggerId?: string;
}

/** A slash command invocation, form-encoded like Slack's POST. */
export function slashCommand(options: SlashCommandOptions): string {
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: SLACK_IDENTITY.teamId,
    team_domain: SLACK_IDENTITY.teamDomain,
    channel_id: options.channelId,
    channel_name: options.channelName ?? 'privategroup',
    user_id: options.userId,
    user_name: options.userName ?? options.userId.toLowerCase(),
    command: options.command,
    text: options.text,
    api_app_id: SLACK_IDENTITY.appId,
    is_enterprise_install: 'false',
    response_url:
      options.responseUrl ??
      `https://hooks.slack.com/commands/${SLACK_IDENTITY.teamId}/${randomDigits(13)}/${randomId(24)}`,
    trigger_id: options.triggerId ?? `${randomDigits(13)}.${randomDigits(13)}.${randomId(32).toLowerCase()}`,
  }).toString();
}

/** The deprecated verification token Slack still includes; Bolt ignores it. */
const VERIFICATION_TOKEN = 'FakeVerificationToken0001';

function botProfile(botId: string) {
  return {
    id: botId,
    app_id: SLACK_IDENTITY.appId,
    name: SLACK_IDENTITY.botName,
    icons: {},
    deleted: false,
    updated: 1_700_000_000,
    team_id: SLACK_IDENTITY.teamId,
  };
}

function contentTypeOf(body: string): string {
  return body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
}

function randomId(length: number): string {
  return randomBytes(length)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length)
    .toUpperCase()
    .padEnd(length, '0');
}

function randomDigits(length: number): string {
  return Array.from(randomBytes(length), (byte) => String(byte % 10)).join('');
}
