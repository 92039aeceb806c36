// The Web API methods the stand-in implements, each answering with the body
// slack.com returns: `{ ok: true, … }` or `{ ok: false, error }`.
import type { SlackArgs } from './slackApiCallRecorder.ts';
import { slackFileObject, slackUserObject } from './slackApiObjects.ts';
import { viewsOpen } from './slackApiViews.ts';
import { nextSlackTs, type SlackMessage, type SlackWorkspace, type UploadedFile } from './slackApiWorkspace.ts';

export type SlackReplyBody =
  { ok: true; [key: string]: unknown } | { ok: false; error: string; [key: string]: unknown };

export interface MethodContext {
  workspace: SlackWorkspace;
  /** `http://127.0.0.1:<port>`, for URLs that point back at the stand-in. */
  origin: string;
}

type Method = (args: SlackArgs, context: MethodContext) => SlackReplyBody;

const DEFAULT_PAGE_SIZE = 100;

export const SLACK_METHODS: Record<string, Method> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': updateMessage,
  'chat.postEphemeral': postEphemeral,
  'conversations.members': conversationMembers,
  'users.info': usersInfo,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
  'views.open': (args, { workspace }) => viewsOpen(args, workspace),
};

export function callSlackMethod(method: string, args: SlackArgs, context: MethodContext): SlackReplyBody {
  const handler = SLACK_METHODS[method];
  return handler ? handler(args, context) : { ok: false, error: 'unknown_method', req_method: method };
}

function authTest(_args: SlackArgs, { workspace: { identity } }: MethodContext): SlackReplyBody {
  return {
    ok: true,
    url: `https://${identity.teamDomain}.slack.com/`,
    team: identity.teamName,
    user: identity.botName,
    team_id: identity.teamId,
    user_id: identity.botUserId,
    bot_id: identity.botId,
    is_enterprise_install: false,
  };
}

function postMessage(args: SlackArgs, { workspace }: MethodContext): SlackReplyBody {
  const channel = stringArg(args.channel);
  if (!channel) return { ok: false, error: 'channel_not_found' };
  if (!hasContent(args)) return { ok: false, error: 'no_text' };
  const message = botMessage(workspace, channel, args);
  const threadTs = stringArg(args.thread_ts);
  const stored =
    threadTs === undefined ? pushed(workspace, message) : workspace.addReply(withBroadcast(message, args), threadTs);
  return { ok: true, channel, ts: stored.ts, message: withoutChannel(stored) };
}

function updateMessage(args: SlackArgs, { workspace }: MethodContext): SlackReplyBody {
  const channel = stringArg(args.channel) ?? '';
  const message = workspace.findMessage(channel, stringArg(args.ts) ?? '');
  if (!message) return { ok: false, error: 'message_not_found' };
  if (message.user !== workspace.identity.botUserId) return { ok: false, error: 'cant_update_message' };
  Object.assign(message, contentOf(args), { edited: { user: workspace.identity.botUserId, ts: nextSlackTs() } });
  return { ok: true, channel, ts: message.ts, text: message.text, message: withoutChannel(message) };
}

function postEphemeral(args: SlackArgs, { workspace }: MethodContext): SlackReplyBody {
  const channel = stringArg(args.channel);
  const user = stringArg(args.user);
  if (!channel) return { ok: false, error: 'channel_not_found' };
  if (!user) return { ok: false, error: 'user_not_found' };
  // Slack only shows an ephemeral to someone in the channel; checked where the test set members.
  if (workspace.members.get(channel)?.includes(user) === false) return { ok: false, error: 'user_not_in_channel' };
  if (!hasContent(args)) return { ok: false, error: 'no_text' };
  const messageTs = nextSlackTs();
  const threadTs = stringArg(args.thread_ts);
  workspace.ephemerals.push({
    channel,
    user,
    ...contentOf(args),
    ...(threadTs ? { thread_ts: threadTs } : {}),
    message_ts: messageTs,
  });
  return { ok: true, message_ts: messageTs };
}

/** Slack's cursor is an opaque base64 of `user:<next member id>`. */
function conversationMembers(args: SlackArgs, { workspace }: MethodContext): SlackReplyBody {
  const members = workspace.members.get(stringArg(args.channel) ?? '');
  if (!members) return { ok: false, error: 'channel_not_found' };
  const limit = Number(args.limit ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
  const cursor = stringArg(args.cursor);
  const start = cursor
    ? members.indexOf(
        Buffer.from(cursor, 'base64')
          .toString('utf8')
          .replace(/^user:/, ''),
      )
    : 0;
  if (start < 0) return { ok: false, error: 'invalid_cursor' };
  const next = members[start + limit];
  const nextCursor = next === undefined ? '' : Buffer.from(`user:${next}`).toString('base64');
  return { ok: true, members: members.slice(start, start + limit), response_metadata: { next_cursor: nextCursor } };
}

function usersInfo(args: SlackArgs, { workspace }: MethodContext): SlackReplyBody {
  const user = workspace.users.get(stringArg(args.user) ?? '');
  if (!user) return { ok: false, error: 'user_not_found' };
  return { ok: true, user: slackUserObject(user, workspace.identity) };
}

function getUploadUrl(args: SlackArgs, { workspace, origin }: MethodContext): SlackReplyBody {
  const filename = stringArg(args.filename);
  const length = Number(args.length);
  if (!filename) return { ok: false, error: 'invalid_arguments' };
  if (!Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
  const id = workspace.newFileId();
  workspace.files.set(id, { id, filename, title: filename, length });
  return { ok: true, upload_url: `${origin}/upload/v1/${id}`, file_id: id };
}

/** Shares the files as one message of the bot, in the thread when `thread_ts` is given, as Slack does. */
function completeUpload(args: SlackArgs, context: MethodContext): SlackReplyBody {
  const { workspace } = context;
  const wanted = Array.isArray(args.files) ? (args.files as Array<{ id?: string; title?: string }>) : [];
  const uploads = wanted
    .map((entry) => workspace.files.get(entry.id ?? ''))
    .filter((upload) => upload?.bytes !== undefined);
  if (wanted.length === 0 || uploads.length !== wanted.length) return { ok: false, error: 'file_not_found' };
  const channel = stringArg(args.channel_id);
  const threadTs = stringArg(args.thread_ts);
  const files = uploads.map((upload, index) => {
    const shared = Object.assign(upload as UploadedFile, {
      title: wanted[index]?.title ?? upload?.title,
      channel,
      threadTs,
    });
    return slackFileObject(shared, workspace.identity, context.origin);
  });
  if (channel) {
    const share = { ...botMessage(workspace, channel, { text: stringArg(args.initial_comment) ?? '' }), files };
    if (threadTs === undefined) pushed(workspace, share);
    else workspace.addReply(share, threadTs);
  }
  return { ok: true, files: files.map(({ id, title }) => ({ id, title })) };
}

function botMessage(workspace: SlackWorkspace, channel: string, args: SlackArgs): SlackMessage {
  const { identity } = workspace;
  return {
    type: 'message',
    channel,
    ts: nextSlackTs(),
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    ...contentOf(args),
  };
}

function contentOf(args: SlackArgs): Pick<SlackMessage, 'text' | 'blocks' | 'attachments'> {
  return {
    text: stringArg(args.text) ?? '',
    ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
    ...(Array.isArray(args.attachments) ? { attachments: args.attachments } : {}),
  };
}

function hasContent(args: SlackArgs): boolean {
  return Boolean(stringArg(args.text)) || Array.isArray(args.blocks) || Array.isArray(args.attachments);
}

function withBroadcast(message: SlackMessage, args: SlackArgs): SlackMessage {
  return args.reply_broadcast === true ? { ...message, subtype: 'thread_broadcast' } : message;
}

function pushed(workspace: SlackWorkspace, message: SlackMessage): SlackMessage {
  workspace.messages.push(message);
  return message;
}

/** Slack's `message` in results carries no `channel`; the result names it beside. */
function withoutChannel({ channel: _channel, ...message }: SlackMessage): Omit<SlackMessage, 'channel'> {
  return { ...message };
}

function stringArg(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
