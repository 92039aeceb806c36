import { z } from 'zod';
import type { Inbound, InboundEvent } from '../../core/inbound.ts';
import { isLinkEcho, payloadOfText } from './viberPayload.ts';

/** Kept as exact digits (see parseExactJson): a number here is small enough to be exact. */
const token = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);
const userId = z.string().min(1).max(200);
const user = z.object({
  id: userId,
  name: z.string().optional(),
  language: z.string().optional(),
  api_version: z.number().optional(),
});
const viberMessage = z.object({
  type: z.string(),
  text: z.string().optional(),
  media: z.string().optional(),
  /** The picture's bytes as Viber reports them (a picture message also names its `file_name`, which is not read). */
  size: z.number().int().nonnegative().optional(),
  contact: z.object({ phone_number: z.string().optional() }).optional(),
});

/** The callbacks of Viber's REST Bot API, as far as the adapter reads them. */
export const viberCallbackSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('webhook'), timestamp: z.number().optional() }),
  z.object({ event: z.literal('message'), message_token: token, sender: user, message: viberMessage }),
  z.object({
    event: z.literal('conversation_started'),
    message_token: token,
    user,
    context: z.string().optional(),
    subscribed: z.boolean().optional(),
  }),
  z.object({ event: z.literal('subscribed'), message_token: token.optional(), user }),
  z.object({ event: z.literal('unsubscribed'), message_token: token.optional(), user_id: userId }),
  z.object({
    event: z.enum(['delivered', 'seen', 'failed']),
    message_token: token,
    user_id: userId.optional(),
    timestamp: z.number().int(),
    desc: z.string().optional(),
  }),
]);

export type ViberCallback = z.infer<typeof viberCallbackSchema>;

/** What a callback asks of the adapter. */
export type ViberEvent =
  /** The URL check after `set_webhook`: answered 200, nothing else. */
  | { kind: 'check' }
  /** Something the person did, for the core. */
  | { kind: 'inbound'; inbound: Inbound }
  /** The person opened the chat: the one welcome, in the response body. */
  | { kind: 'welcome'; inbound: Inbound }
  | { kind: 'unsubscribed'; address: string }
  /** What became of a message we sent, by its token and, when Viber names them, its receiver (a broadcast has one token for all). */
  | { kind: 'receipt'; receipt: 'delivered' | 'seen' | 'failed'; token: string; address?: string; at: Date }
  /** Nothing to do (a subscription, a sticker, a location, the echo of a pressed link…). */
  | { kind: 'ignored' };

/** A checked callback as what the adapter does with it. */
export function parseViberEvent(callback: ViberCallback): ViberEvent {
  switch (callback.event) {
    case 'webhook':
      return { kind: 'check' };
    case 'message': {
      const event = messageEvent(callback.message);
      return event ? { kind: 'inbound', inbound: inboundOf(callback.sender, callback.message_token, event) } : ignored;
    }
    case 'conversation_started': {
      // The context of viber://pa?chatURI=…&context=ref_… is what Telegram's /start payload is.
      const context = callback.context?.trim();
      const event: InboundEvent = context ? { kind: 'command', command: 'start', payload: context } : start;
      return {
        kind: 'welcome',
        inbound: { ...inboundOf(callback.user, callback.message_token, event), repliesInResponse: true },
      };
    }
    case 'subscribed':
      return ignored;
    case 'unsubscribed':
      return { kind: 'unsubscribed', address: callback.user_id };
    case 'delivered':
    case 'seen':
    case 'failed':
      return {
        kind: 'receipt',
        receipt: callback.event,
        token: callback.message_token,
        ...(callback.user_id && { address: callback.user_id }),
        at: new Date(callback.timestamp),
      };
  }
}

const ignored: ViberEvent = { kind: 'ignored' };
const start: InboundEvent = { kind: 'command', command: 'start' };

function inboundOf(from: z.infer<typeof user>, messageToken: string, event: InboundEvent): Inbound {
  return {
    channel: 'viber',
    address: from.id,
    updateId: messageToken,
    ...(from.language && { languageHint: from.language }),
    ...(from.name && { profileName: from.name }),
    event,
  };
}

function messageEvent(message: z.infer<typeof viberMessage>): InboundEvent | null {
  switch (message.type) {
    case 'text':
      return message.text === undefined || isLinkEcho(message.text) ? null : textEvent(message.text);
    case 'contact': {
      // The share-phone button sends the sender's number, but so does any contact the user forwards
      // from their address book, and nothing on the wire tells them apart.
      const phone = message.contact?.phone_number;
      return phone ? { kind: 'contact', phone, ownership: 'unknown' } : null;
    }
    case 'picture':
      return message.media
        ? {
            kind: 'photo',
            fileId: message.media,
            ...(message.text && { caption: message.text }),
            ...(message.size !== undefined && { size: message.size }),
          }
        : null;
    default:
      return null;
  }
}

function textEvent(text: string): InboundEvent {
  const pressed = payloadOfText(text);
  if (pressed !== null) return { kind: 'button', payload: pressed };
  const command = /^\/([a-z]+)(?:\s+(.+))?$/i.exec(text.trim());
  if (command) {
    const name = command[1]!.toLowerCase();
    return command[2]
      ? { kind: 'command', command: name, payload: command[2].trim() }
      : { kind: 'command', command: name };
  }
  return { kind: 'text', text };
}
