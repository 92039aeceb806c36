import { GrammyError, type Api } from 'grammy';
import type { TelegramSend } from './renderTelegramReply.ts';

/**
 * Makes the one Bot API call a rendered reply stands for, in a chat. Both
 * the turn's replies and the outbox go through here, so a reply looks and
 * behaves the same whichever path sends it.
 *
 * A photo Telegram refuses (too big, not an image it can process) is sent
 * as its caption in text instead, with the same buttons: the card's number
 * and till code still reach the member, which the picture only repeats.
 */
export async function callBotApi(api: Api, chatId: number | string, call: TelegramSend): Promise<void> {
  if (call.method === 'sendMessage') {
    await api.sendMessage(chatId, call.text, call.reply_markup ? { reply_markup: call.reply_markup } : {});
    return;
  }
  try {
    await api.sendPhoto(chatId, call.photo, {
      caption: call.caption,
      ...(call.reply_markup && { reply_markup: call.reply_markup }),
    });
  } catch (error) {
    if (!isPhotoRefused(error)) throw error;
    await api.sendMessage(chatId, call.caption, call.reply_markup ? { reply_markup: call.reply_markup } : {});
  }
}

/**
 * A 400 or 413 about the photo itself. Rate limits, a refused token, a
 * blocked bot and a chat that is gone are not the photo's fault and must
 * reach the caller as they are.
 */
function isPhotoRefused(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 413) return true;
  return error.error_code === 400 && !GONE.test(error.description);
}

/** Messages of a 400 that mean the person is gone rather than the message is wrong. */
export const GONE = /chat not found|user not found|user is deactivated|PEER_ID_INVALID/i;
