// A Telegram user in a private chat with the bot, as a test sees them: each
// action pushes the update a real client would send, then waits for the given
// number of messages the bot delivers to this chat and returns them, decoded.
import type { Update } from 'grammy/types';
import type { FakeBotApi, FakeBotCall } from '../../../support/fakeBotApi.ts';
import {
  callbackUpdate,
  commandUpdate,
  contactUpdate,
  photoUpdate,
  textUpdate,
  type UpdateDraft,
  type UpdateOptions,
} from '../../../support/telegramUpdates.ts';

export interface InlineButton {
  text: string;
  data: string;
}

/** One message the bot delivered: a text, or a photo with its caption. */
export interface BotReply {
  method: 'sendMessage' | 'sendPhoto';
  /** The message text, or the caption of a photo. */
  text: string;
  /** Inline keyboard rows; empty when there is none. */
  buttons: InlineButton[][];
  /** Label of the reply-keyboard key that asks for the user's own contact. */
  contactRequest?: string;
  /** Bytes of an uploaded photo. */
  photo?: Buffer;
  /** The address of a photo Telegram was asked to fetch. */
  photoUrl?: string;
  call: FakeBotCall;
}

const WAIT_MS = 15_000;

export class TelegramUser {
  private delivered = 0;
  private received: BotReply[] = [];
  /** The update most recently sent, as the fake queued it. */
  lastUpdate: Update | undefined;

  constructor(
    private readonly fake: FakeBotApi,
    readonly id: number,
    private readonly options: UpdateOptions = {},
  ) {}

  commands(command: string, replies = 1, payload?: string): Promise<BotReply[]> {
    return this.exchange(commandUpdate(this.id, command, payload, this.options), replies);
  }

  types(text: string, replies = 1): Promise<BotReply[]> {
    return this.exchange(textUpdate(this.id, text, this.options), replies);
  }

  /** Presses an inline button with this callback data, shown or not. */
  presses(data: string, replies = 1): Promise<BotReply[]> {
    return this.exchange(callbackUpdate(this.id, data, undefined, this.options), replies);
  }

  /** Presses the button labelled `label` in the latest message that shows one. */
  taps(label: string, replies = 1): Promise<BotReply[]> {
    return this.presses(this.buttonLabelled(label).data, replies);
  }

  /** Shares a contact; by default the user's own, as the request_contact key does. */
  sharesContact(phone: string, replies = 1, ownerUserId?: number): Promise<BotReply[]> {
    const owner = ownerUserId === undefined ? {} : { ownerUserId };
    return this.exchange(contactUpdate(this.id, phone, { ...this.options, ...owner }), replies);
  }

  sendsPhoto(replies = 1, caption?: string): Promise<BotReply[]> {
    return this.exchange(photoUpdate(this.id, { ...this.options, ...(caption && { caption }) }), replies);
  }

  /** Queues an update without waiting for the answer (see `nextReplies`). */
  push(draft: UpdateDraft): Update {
    this.lastUpdate = this.fake.pushUpdate(draft);
    return this.lastUpdate;
  }

  /** Waits until the bot has delivered `count` more messages to this chat. */
  async nextReplies(count: number): Promise<BotReply[]> {
    const all = await this.fake.waitForCalls((call) => isDeliveredTo(call, this.id), {
      count: this.delivered + count,
      timeoutMs: WAIT_MS,
    });
    const fresh = all.slice(this.delivered, this.delivered + count).map(toReply);
    this.delivered += count;
    this.received.push(...fresh);
    return fresh;
  }

  /** Every message the bot delivered to this chat so far, in order. */
  get transcript(): string[] {
    return this.fake.calls.filter((call) => isDeliveredTo(call, this.id)).map((call) => toReply(call).text);
  }

  private async exchange(draft: UpdateDraft, replies: number): Promise<BotReply[]> {
    this.push(draft);
    return this.nextReplies(replies);
  }

  private buttonLabelled(label: string): InlineButton {
    for (const reply of [...this.received].reverse()) {
      const button = reply.buttons.flat().find((b) => b.text === label);
      if (button) return button;
    }
    const shown = this.received.flatMap((r) => r.buttons.flat().map((b) => b.text));
    throw new Error(
      `No button labelled "${label}" was shown to user ${this.id}; buttons seen: ${shown.join(', ') || '(none)'}.`,
    );
  }
}

/** A message that reached this private chat (planned failures excluded). */
export function isDeliveredTo(call: FakeBotCall, chatId: number): boolean {
  const isMessage = call.method === 'sendMessage' || call.method === 'sendPhoto';
  return isMessage && call.rejectedWith === undefined && String(call.payload.chat_id) === String(chatId);
}

export function toReply(call: FakeBotCall): BotReply {
  const markup = (call.payload.reply_markup ?? {}) as {
    inline_keyboard?: Array<Array<{ text: string; callback_data: string }>>;
    keyboard?: Array<Array<{ text: string; request_contact?: boolean }>>;
  };
  const contactKey = markup.keyboard?.flat().find((key) => key.request_contact);
  return {
    method: call.method as BotReply['method'],
    text: String(call.method === 'sendPhoto' ? (call.payload.caption ?? '') : call.payload.text),
    buttons: (markup.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data }))),
    ...(contactKey && { contactRequest: contactKey.text }),
    ...(call.files.photo && { photo: call.files.photo.bytes }),
    ...(call.method === 'sendPhoto' &&
      /^https:\/\//.test(String(call.payload.photo)) && { photoUrl: String(call.payload.photo) }),
    call,
  };
}
