import type { Update } from 'grammy/types';
import type { Inbound, InboundEvent } from '../../core/inbound.ts';

/**
 * A Telegram update as the core's `Inbound`, or null for updates the
 * assistant does not answer (group chats, edits, channel posts…).
 */
export function parseTelegramUpdate(update: Update): Inbound | null {
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

type TelegramMessage = NonNullable<Update['message']>;

function buttonEvent(data: string | undefined): InboundEvent | null {
  return data === undefined ? null : { kind: 'button', payload: data };
}

function messageEvent(message: TelegramMessage, senderId: number): InboundEvent | null {
  if (message.contact) {
    // Only a contact whose user_id is the sender's own proves the number is theirs.
    return { kind: 'contact', phone: message.contact.phone_number, isOwn: message.contact.user_id === senderId };
  }
  if (message.photo && message.photo.length > 0) {
    // Telegram lists sizes smallest first in practice, but does not promise it.
    const largest = message.photo.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best));
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
