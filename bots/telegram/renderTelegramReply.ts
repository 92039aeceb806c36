import { InputFile } from 'grammy';
import type {
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from 'grammy/types';
import { isLinkButton, type Button, type Outbound, type Picture } from '../../core/outbound.ts';

/** Telegram refuses a longer caption under a photo. */
export const MAX_CAPTION = 1024;

/** One Bot API call: the method and its parameters (chat_id added by the sender). */
export type TelegramSend =
  | {
      method: 'sendMessage';
      text: string;
      reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
    }
  | {
      method: 'sendPhoto';
      /** Bytes to upload, or an https address Telegram fetches itself. */
      photo: InputFile | string;
      /** Absent when the text follows in a message of its own. */
      caption?: string;
      reply_markup?: InlineKeyboardMarkup;
    };

/**
 * How a neutral reply looks in Telegram: buttons become an inline keyboard
 * (links become url buttons); a contact request becomes a one-time reply
 * keyboard, because only reply keyboards can ask Telegram for the user's own
 * phone number. Usually one call; a picture whose text is too long for a
 * caption takes two.
 */
export function renderTelegramReply(reply: Outbound): TelegramSend[] {
  const inline = reply.buttons && { inline_keyboard: reply.buttons.map((row) => row.map(inlineButton)) };
  if (reply.image) return photoCalls(reply.text, reply.image, inline);
  if (reply.contactRequest) {
    const keyboard: ReplyKeyboardMarkup = {
      keyboard: [[{ text: reply.contactRequest, request_contact: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
    return [{ method: 'sendMessage', text: reply.text, reply_markup: keyboard }];
  }
  if (inline) return [{ method: 'sendMessage', text: reply.text, reply_markup: inline }];
  if (reply.removeKeyboard)
    return [{ method: 'sendMessage', text: reply.text, reply_markup: { remove_keyboard: true } }];
  return [{ method: 'sendMessage', text: reply.text }];
}

/** A link opens its page in Telegram's browser; any other button sends its payload back as callback data. */
function inlineButton(button: Button): InlineKeyboardButton {
  return isLinkButton(button)
    ? { text: button.label, url: button.url }
    : { text: button.label, callback_data: button.payload };
}

/**
 * The text goes under the photo as its caption, with the buttons. A text
 * too long for a caption follows the photo as a message of its own and takes
 * the buttons with it, so they stay under the words they answer.
 */
function photoCalls(text: string, image: Picture, inline: InlineKeyboardMarkup | undefined): TelegramSend[] {
  const photo = 'png' in image ? new InputFile(image.png, 'card.png') : image.url;
  const markup = inline && { reply_markup: inline };
  if (text.length <= MAX_CAPTION) return [{ method: 'sendPhoto', photo, caption: text, ...markup }];
  return [
    { method: 'sendPhoto', photo },
    { method: 'sendMessage', text, ...markup },
  ];
}
