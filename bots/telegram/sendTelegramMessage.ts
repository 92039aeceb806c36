import { GrammyError, HttpError, type Api } from 'grammy';
import type { Sender, SendResult } from '../../core/outbox/sender.ts';
import { delivered } from '../../core/outbox/sender.ts';
import { callBotApi, GONE } from './callBotApi.ts';
import { renderTelegramReply } from './renderTelegramReply.ts';

/**
 * The outbox's Telegram sender. Give it an `Api` of its own, without
 * auto-retry: the dispatcher must see every 429 to pause the channel and
 * schedule the retry durably, instead of a hidden in-memory sleep.
 */
export function createTelegramSender(api: Api): Sender {
  return async (address, message) => {
    try {
      await callBotApi(api, address, renderTelegramReply(message));
      return delivered;
    } catch (error) {
      return telegramSendResult(error);
    }
  };
}

/**
 * What a failed Bot API call means for the outbox, by the kind of error:
 * the API refused (GrammyError, by its code) or the network failed
 * (HttpError). Anything else is our own code failing and is rethrown.
 */
export function telegramSendResult(error: unknown): SendResult {
  if (error instanceof HttpError)
    return { kind: 'transient', reason: `The Bot API could not be reached: ${error.message}` };
  if (!(error instanceof GrammyError)) throw error;
  const code = error.error_code;
  const reason = `${code}: ${error.description}`;
  if (code === 429) return { kind: 'retryAfter', seconds: error.parameters.retry_after ?? 1, reason };
  if (code >= 500) return { kind: 'transient', reason };
  if (code === 403 || (code === 400 && GONE.test(error.description))) return { kind: 'unreachable', reason };
  // A refused token is the deployment's fault, not the message's: the lane stops and keeps every message until it is fixed.
  if (code === 401 || code === 404)
    return { kind: 'unauthorized', reason: `${reason} (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT)` };
  return { kind: 'rejected', reason };
}
