// Result objects the fake Bot API answers with. Both the HTTP stand-in and the
// in-process transformer use this one module, so a benchmark and a test see
// the very same shapes that the real grammY code paths would receive.
import { randomBytes } from 'node:crypto';
import type { Chat, Message, PhotoSize, UserFromGetMe } from 'grammy/types';
import { BotApiFiles } from './botApiFiles.ts';

export type ApiPayload = Record<string, unknown>;

export interface BotIdentityOptions {
  botId?: number;
  username?: string;
  firstName?: string;
}

export const DEFAULT_BOT_ID = 7_000_000_001;

export function makeBotUser(options: BotIdentityOptions = {}): UserFromGetMe {
  return {
    id: options.botId ?? DEFAULT_BOT_ID,
    is_bot: true,
    first_name: options.firstName ?? 'Loyalty Test Bot',
    username: options.username ?? 'loyalty_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** A token shaped like BotFather's: `<bot id>:<35 url-safe characters>`. */
export function makeBotToken(botId: number): string {
  const secret = randomBytes(27).toString('base64url').slice(0, 34);
  return `${botId}:A${secret}`;
}

type ResultBuilder = (payload: ApiPayload) => unknown;

/**
 * Builds `result` values per method. It keeps the only state a result needs:
 * the message id counter, so sent messages get increasing ids like in a chat.
 */
export class BotApiResults {
  readonly botUser: UserFromGetMe;
  readonly files = new BotApiFiles();
  private lastMessageId = 0;
  private readonly builders: Record<string, ResultBuilder>;

  constructor(identity: BotIdentityOptions = {}) {
    this.botUser = makeBotUser(identity);
    this.builders = {
      getMe: () => this.botUser,
      sendMessage: (p) => this.sentMessage(p, { text: String(p.text ?? '') }),
      sendPhoto: (p) => this.sentMessage(p, { photo: photoSizes(p.photo), ...captionOf(p) }),
      editMessageText: (p) => this.editedMessage(p, { text: String(p.text ?? '') }),
      editMessageReplyMarkup: (p) => this.editedMessage(p, {}),
      editMessageCaption: (p) => this.editedMessage(p, captionOf(p)),
      getMyCommands: () => [],
      getFile: (p) => this.files.describe(String(p.file_id ?? 'file')),
      sendChatAction: () => true,
    };
  }

  /** The `result` for a successful call; unknown methods answer `true`. */
  resultFor(method: string, payload: ApiPayload): unknown {
    const build = this.builders[method];
    if (build) return build(payload);
    // Other send* methods (documents, videos…) return a Message in Telegram.
    if (method.startsWith('send')) return this.sentMessage(payload, captionOf(payload));
    return true;
  }

  private sentMessage(payload: ApiPayload, content: Partial<Message>): Message {
    this.lastMessageId += 1;
    return this.message(payload, this.lastMessageId, content);
  }

  private editedMessage(payload: ApiPayload, content: Partial<Message>): Message | true {
    // Inline messages are not in a chat the bot can see: Telegram answers `true`.
    if (payload.inline_message_id !== undefined) return true;
    const edit = { edit_date: nowSeconds(), ...content };
    return this.message(payload, Number(payload.message_id ?? 0), edit);
  }

  private message(payload: ApiPayload, messageId: number, content: Partial<Message>): Message {
    const markup = inlineMarkupOf(payload.reply_markup);
    return {
      message_id: messageId,
      from: this.botUser,
      chat: chatFor(payload.chat_id),
      date: nowSeconds(),
      ...content,
      ...(markup ? { reply_markup: markup } : {}),
    } as Message;
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Positive ids are users (private chats); negative ones are groups. */
function chatFor(chatId: unknown): Chat {
  const id = Number(chatId ?? 0);
  if (id < 0) return { id, type: 'supergroup', title: 'Test group' };
  return { id, type: 'private', first_name: 'Test user' };
}

function captionOf(payload: ApiPayload): Partial<Message> {
  return typeof payload.caption === 'string' ? { caption: payload.caption } : {};
}

/** Telegram echoes only inline keyboards back on the message. */
function inlineMarkupOf(markup: unknown): Message['reply_markup'] | undefined {
  if (typeof markup !== 'object' || markup === null) return undefined;
  return 'inline_keyboard' in markup ? (markup as Message['reply_markup']) : undefined;
}

/** A re-sent file_id keeps its id; an upload gets a fresh one. */
function photoSizes(photo: unknown): PhotoSize[] {
  const isFileId = typeof photo === 'string' && !photo.startsWith('attach://') && !photo.includes('://');
  const fileId = isFileId ? photo : `AgAC${randomBytes(12).toString('base64url')}`;
  return [90, 320, 800].map((side, index) => ({
    file_id: index === 2 ? fileId : `${fileId}_${side}`,
    file_unique_id: `AQAD${side}${fileId.slice(-6)}`,
    width: side,
    height: side,
    file_size: side * 40,
  }));
}
