import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Assistant } from '../../core/assistant.ts';
import type { Logger } from '../../core/logger.ts';
import { parseTelegramUpdate } from './parseTelegramUpdate.ts';
import { renderTelegramReply } from './renderTelegramReply.ts';

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  assistant: Assistant;
  log: Logger;
  /** Skips the getMe call at start-up (benchmarks, tests that know the bot). */
  botInfo?: UserFromGetMe;
}

/**
 * The Telegram adapter: every update, from polling or the webhook, goes
 * through `bot.handleUpdate`, is translated into one `Inbound`, answered by
 * the core, and the replies are sent back in order.
 */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot }, ...(options.botInfo && { botInfo: options.botInfo }) });
  // 429 waits `retry_after`, 5xx and network errors back off; other errors are final.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  // Updates of one chat are answered in arrival order, other chats in parallel.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use((ctx) => answerUpdate(ctx, options));
  bot.catch((error) => options.log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram update failed'));
  return bot;
}

async function answerUpdate(ctx: Context, options: TelegramBotOptions): Promise<void> {
  const inbound = parseTelegramUpdate(ctx.update);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (!inbound) return;
  try {
    const replies = await options.assistant.handle(inbound);
    for (const reply of replies) await send(ctx, renderTelegramReply(reply));
  } catch (error) {
    options.log.error({ err: error, updateId: inbound.updateId }, 'could not answer a telegram update');
    await send(ctx, renderTelegramReply(await options.assistant.failureReply(inbound))).catch(() => undefined);
  }
}

async function send(ctx: Context, call: ReturnType<typeof renderTelegramReply>): Promise<void> {
  if (call.method === 'sendPhoto') {
    await ctx.replyWithPhoto(call.photo, { caption: call.caption, ...(call.reply_markup && { reply_markup: call.reply_markup }) });
  } else {
    await ctx.reply(call.text, call.reply_markup ? { reply_markup: call.reply_markup } : {});
  }
}
