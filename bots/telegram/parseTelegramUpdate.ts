import { z } from 'zod';
import type { Inbound, InboundEvent } from '../../core/inbound.ts';

const id = z.number().int().refine(Number.isSafeInteger);
const chat = z.object({ id, type: z.string() });
const user = z.object({ id, is_bot: z.boolean(), first_name: z.string(), language_code: z.string().optional() });
const message = z.object({
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() })).optional(),
  contact: z.object({ phone_number: z.string(), user_id: id.optional() }).optional(),
  photo: z.array(z.object({ file_id: z.string(), width: z.number(), height: z.number() })).optional(),
});

/**
 * The fields of an update the adapter reads, checked at the edge: an update
 * that does not have them as Telegram documents them is acknowledged and
 * dropped, instead of failing somewhere inside the turn. Other fields pass
 * unchecked; the adapter never reads them.
 */
export const telegramUpdateSchema = z.object({
  update_id: id,
  message: message.optional(),
  callback_query: z
    .object({ id: z.string(), from: user, data: z.string().optional(), message: z.object({ chat }).optional() })
    .optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/**
 * A Telegram update as the core's `Inbound`, or null for updates the
 * assistant does not answer (group chats, edits, channel posts…). Takes an
 * update that passed `telegramUpdateSchema`.
 */
export function parseTelegramUpdate(update: TelegramUpdate): Inbound | null {
  const message = update.message;
  const query = update.callback_query;
  const from = message?.from ?? query?.from;
  const chat = message?.chat ?? query?.message?.chat;
  if (!from || from.is_bot || chat?.type !== 'private') return null;
  const event = query ? buttonEvent(query.data) : message ? messageEvent(message, from.id) : null;
  if (!event) return null;
  return {
    channel: 'telegram',
    address: String(chat.id),
    updateId: String(update.update_id),
    ...(from.language_code && { languageHint: from.language_code }),
    profileName: from.first_name,
    event,
  };
}

/** The chat an update belongs to, for answering one chat's updates in order. */
export function chatKeyOf(update: TelegramUpdate): string | undefined {
  const chatId = update.message?.chat.id ?? update.callback_query?.message?.chat.id;
  return chatId === undefined ? undefined : String(chatId);
}

type TelegramMessage = NonNullable<TelegramUpdate['message']>;

function buttonEvent(data: string | undefined): InboundEvent | null {
  return data === undefined ? null : { kind: 'button', payload: data };
}

function messageEvent(message: TelegramMessage, senderId: number): InboundEvent | null {
  if (message.contact) {
    // Only a contact whose user_id is the sender's own proves the number is theirs.
    return {
      kind: 'contact',
      phone: message.contact.phone_number,
      ownership: message.contact.user_id === senderId ? 'proven' : 'someone-else',
    };
  }
  if (message.photo && message.photo.length > 0) {
    // Telegram lists sizes smallest first in practice, but does not promise it.
    const largest = message.photo.reduce((best, size) =>
      size.width * size.height > best.width * best.height ? size : best,
    );
    return { kind: 'photo', fileId: largest.file_id, ...(message.caption && { caption: message.caption }) };
  }
  if (message.text === undefined) return null;
  return commandEvent(message) ?? { kind: 'text', text: message.text };
}

function commandEvent(message: TelegramMessage): InboundEvent | null {
  const entity = message.entities?.[0];
  if (!message.text || entity?.type !== 'bot_command' || entity.offset !== 0) return null;
  const command = message.text.slice(1, entity.length).split('@')[0]!.toLowerCase();
  const payload = message.text.slice(entity.length).trim();
  return payload ? { kind: 'command', command, payload } : { kind: 'command', command };
}
