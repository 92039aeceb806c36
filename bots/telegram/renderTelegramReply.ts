import { InputFile } from 'grammy';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { Outbound } from '../../core/outbound.ts';

/** One Bot API call: the method and its parameters (chat_id added by the sender). */
export type TelegramSend =
  | {
      method: 'sendMessage';
      text: string;
      reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
    }
  | { method: 'sendPhoto'; photo: InputFile; caption: string; reply_markup?: InlineKeyboardMarkup };

/**
 * How a neutral reply looks in Telegram: buttons become an inline keyboard;
 * a contact request becomes a one-time reply keyboard, because only reply
 * keyboards can ask Telegram for the user's own phone number.
 */
export function renderTelegramReply(reply: Outbound): TelegramSend {
  const inline = reply.buttons && {
    inline_keyboard: reply.buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.payload }))),
  };
  if (reply.image && 'png' in reply.image) {
    return {
      method: 'sendPhoto',
      photo: new InputFile(reply.image.png, 'card.png'),
      caption: reply.text,
      ...(inline && { reply_markup: inline }),
    };
  }
  if (reply.contactRequest) {
    const keyboard: ReplyKeyboardMarkup = {
      keyboard: [[{ text: reply.contactRequest, request_contact: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
    return { method: 'sendMessage', text: reply.text, reply_markup: keyboard };
  }
  if (inline) return { method: 'sendMessage', text: reply.text, reply_markup: inline };
  if (reply.removeKeyboard) return { method: 'sendMessage', text: reply.text, reply_markup: { remove_keyboard: true } };
  return { method: 'sendMessage', text: reply.text };
}
