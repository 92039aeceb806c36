import { GrammyError, type Api } from 'grammy';
import type { TelegramSend } from './renderTelegramReply.ts';

/**
 * Makes the Bot API calls a rendered reply stands for, in a chat, in order.
 * Both the turn's replies and the outbox go through here, so a reply looks
 * and behaves the same whichever path sends it.
 *
 * A photo Telegram refuses (too big, not an image it can process, an
 * address it cannot fetch) is sent as its caption in text instead, with the
 * same buttons: the card's number and till code, or the quiz question and its
 * options, still reach the member, and the picture only illustrates them. A
 * refused photo without a caption is dropped: its text follows on its own.
 */
export async function callBotApi(api: Api, chatId: number | string, calls: readonly TelegramSend[]): Promise<void> {
  for (const call of calls) await callOnce(api, chatId, call);
}

async function callOnce(api: Api, chatId: number | string, call: TelegramSend): Promise<void> {
  const markup = call.reply_markup ? { reply_markup: call.reply_markup } : {};
  if (call.method === 'sendMessage') {
    await api.sendMessage(chatId, call.text, markup);
    return;
  }
  try {
    await api.sendPhoto(chatId, call.photo, {
      ...(call.caption !== undefined && { caption: call.caption }),
      ...markup,
    });
  } catch (error) {
    if (!isPhotoRefused(error)) throw error;
    if (call.caption !== undefined) await api.sendMessage(chatId, call.caption, markup);
  }
}

/**
 * A 400 or 413 about the photo itself ("wrong file identifier/HTTP URL
 * specified", "failed to get HTTP URL content", "IMAGE_PROCESS_FAILED"…).
 * Rate limits, a refused token, a blocked bot and a chat that is gone are not
 * the photo's fault and must reach the caller as they are.
 */
function isPhotoRefused(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 413) return true;
  return error.error_code === 400 && !GONE.test(error.description);
}

/** Messages of a 400 that mean the person is gone rather than the message is wrong. */
export const GONE = /chat not found|user not found|user is deactivated|PEER_ID_INVALID/i;
