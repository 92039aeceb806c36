// Builders for the updates a real Telegram client produces in a private chat
// with the bot. They stay as close to production payloads as tests need, so
// handlers are exercised with the fields grammY's filters actually look at.
import type { Message, Update, User } from 'grammy/types';

/** Private-chat messages: grammY types an update's `message` as not from a channel. */
type ChatMessage = NonNullable<Update['message']>;
import { makeBotUser, nowSeconds } from './botApiResults.ts';
import type { UpdateDraft } from './botApiUpdateQueue.ts';

export type { UpdateDraft } from './botApiUpdateQueue.ts';

export interface UpdateOptions {
  firstName?: string;
  lastName?: string;
  username?: string;
  /** IETF tag of the user's Telegram app language; defaults to 'ru'. */
  languageCode?: string;
  messageId?: number;
  date?: number;
  /** A number sets update_id; `true` takes the next one from a module counter. */
  withUpdateId?: number | true;
}

export interface ContactOptions extends UpdateOptions {
  /** Whose number it is; `null` for a contact card that is no Telegram user. */
  ownerUserId?: number | null;
  contactFirstName?: string;
}

export interface PhotoOptions extends UpdateOptions {
  caption?: string;
}

type WithId<O> = O & { withUpdateId: number | true };

let lastMessageId = 0;
let lastUpdateId = 0;
let lastCallbackId = 0;

export function textUpdate(userId: number, text: string, opts: WithId<UpdateOptions>): Update;
export function textUpdate(userId: number, text: string, opts?: UpdateOptions): UpdateDraft;
export function textUpdate(userId: number, text: string, opts: UpdateOptions = {}): UpdateDraft {
  return messageUpdate(userId, { text }, opts);
}

/** `/start` or `/start payload`, with the bot_command entity clients attach. */
export function commandUpdate(
  userId: number,
  command: string,
  payload: string | undefined,
  opts: WithId<UpdateOptions>,
): Update;
export function commandUpdate(userId: number, command: string, payload?: string, opts?: UpdateOptions): UpdateDraft;
export function commandUpdate(
  userId: number,
  command: string,
  payload?: string,
  opts: UpdateOptions = {},
): UpdateDraft {
  const slashed = command.startsWith('/') ? command : `/${command}`;
  const text = payload ? `${slashed} ${payload}` : slashed;
  const entities = [{ type: 'bot_command' as const, offset: 0, length: slashed.length }];
  return messageUpdate(userId, { text, entities }, opts);
}

/** A press on an inline button under a message the bot sent earlier. */
export function callbackUpdate(
  userId: number,
  data: string,
  messageId: number | undefined,
  opts: WithId<UpdateOptions>,
): Update;
export function callbackUpdate(userId: number, data: string, messageId?: number, opts?: UpdateOptions): UpdateDraft;
export function callbackUpdate(
  userId: number,
  data: string,
  messageId?: number,
  opts: UpdateOptions = {},
): UpdateDraft {
  lastCallbackId += 1;
  const message = {
    message_id: messageId ?? nextMessageId(),
    from: makeBotUser(),
    chat: privateChat(userId, opts),
    date: opts.date ?? nowSeconds(),
    text: 'Menu',
  } as Message;
  const callback_query = {
    id: `${userId}${String(lastCallbackId).padStart(6, '0')}`,
    from: userOf(userId, opts),
    chat_instance: `-${userId}7`,
    data,
    message,
  };
  return withUpdateId({ callback_query }, opts);
}

/** A shared contact; by default the user shares their own number. */
export function contactUpdate(userId: number, phone: string, opts: WithId<ContactOptions>): Update;
export function contactUpdate(userId: number, phone: string, opts?: ContactOptions): UpdateDraft;
export function contactUpdate(userId: number, phone: string, opts: ContactOptions = {}): UpdateDraft {
  const owner = opts.ownerUserId === null ? undefined : (opts.ownerUserId ?? userId);
  const contact = {
    phone_number: phone,
    first_name: opts.contactFirstName ?? opts.firstName ?? 'Anna',
    ...(owner === undefined ? {} : { user_id: owner }),
  };
  return messageUpdate(userId, { contact }, opts);
}

export function photoUpdate(userId: number, opts: WithId<PhotoOptions>): Update;
export function photoUpdate(userId: number, opts?: PhotoOptions): UpdateDraft;
export function photoUpdate(userId: number, opts: PhotoOptions = {}): UpdateDraft {
  const id = `AgACAgIAAxkBAAI${userId}`;
  const photo = [90, 320, 1280].map((side) => ({
    file_id: `${id}_${side}`,
    file_unique_id: `AQAD${side}${userId}`,
    width: side,
    height: Math.round(side * 0.75),
    file_size: side * 60,
  }));
  return messageUpdate(userId, { photo, ...(opts.caption ? { caption: opts.caption } : {}) }, opts);
}

function messageUpdate(userId: number, content: Partial<Message>, opts: UpdateOptions): UpdateDraft {
  const message = {
    message_id: opts.messageId ?? nextMessageId(),
    from: userOf(userId, opts),
    chat: privateChat(userId, opts),
    date: opts.date ?? nowSeconds(),
    ...content,
  } as ChatMessage;
  return withUpdateId({ message }, opts);
}

function withUpdateId(draft: UpdateDraft, opts: UpdateOptions): UpdateDraft {
  if (opts.withUpdateId === undefined) return draft;
  const update_id = opts.withUpdateId === true ? (lastUpdateId += 1) : opts.withUpdateId;
  return { update_id, ...draft };
}

function userOf(userId: number, opts: UpdateOptions): User {
  return {
    id: userId,
    is_bot: false,
    first_name: opts.firstName ?? 'Anna',
    ...(opts.lastName ? { last_name: opts.lastName } : {}),
    ...(opts.username ? { username: opts.username } : {}),
    language_code: opts.languageCode ?? 'ru',
  };
}

function privateChat(userId: number, opts: UpdateOptions) {
  return {
    id: userId,
    type: 'private' as const,
    first_name: opts.firstName ?? 'Anna',
    ...(opts.lastName ? { last_name: opts.lastName } : {}),
    ...(opts.username ? { username: opts.username } : {}),
  };
}

function nextMessageId(): number {
  lastMessageId += 1;
  return lastMessageId;
}
