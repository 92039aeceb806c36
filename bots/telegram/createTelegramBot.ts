import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context, type NextFunction } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Assistant } from '../../core/assistant.ts';
import type { Logger } from '../../core/logger.ts';
import { callBotApi } from './callBotApi.ts';
import { chatKeyOf, parseTelegramUpdate, telegramUpdateSchema, type TelegramUpdate } from './parseTelegramUpdate.ts';
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
  const bot = new Bot(options.token, {
    client: { apiRoot: options.apiRoot },
    ...(options.botInfo && { botInfo: options.botInfo }),
  });
  // 429 waits `retry_after`, 5xx and network errors back off; other errors are final.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  // Before anything reads the update: what follows may trust the fields it reads.
  bot.use((ctx, next) => dropUnexpected(ctx, next, options.log));
  // Updates of one chat are answered in arrival order, other chats in parallel.
  bot.use(sequentialize((ctx: Context) => chatKeyOf(ctx.update as TelegramUpdate)));
  bot.use((ctx) => answerUpdate(ctx, options));
  bot.catch((error) =>
    options.log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram update failed'),
  );
  return bot;
}

/**
 * An update without the fields the adapter reads, as Telegram documents
 * them, is acknowledged and dropped with a warning: answering it with an
 * error would make Telegram redeliver it and hold the chat's queue behind it.
 * Only the paths of the odd fields are logged, never their values.
 */
async function dropUnexpected(ctx: Context, next: NextFunction, log: Logger): Promise<void> {
  const checked = telegramUpdateSchema.safeParse(ctx.update);
  if (checked.success) return next();
  const fields = checked.error.issues.map((issue) => issue.path.join('.'));
  log.warn({ updateId: ctx.update.update_id, fields }, 'telegram update dropped: it lacks fields the adapter reads');
}

async function answerUpdate(ctx: Context, options: TelegramBotOptions): Promise<void> {
  const inbound = parseTelegramUpdate(ctx.update as TelegramUpdate);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  if (!inbound) return;
  try {
    const replies = await options.assistant.handle(inbound);
    for (const reply of replies) await callBotApi(ctx.api, inbound.address, renderTelegramReply(reply));
  } catch (error) {
    options.log.error({ err: error, updateId: inbound.updateId }, 'could not answer a telegram update');
    await callBotApi(
      ctx.api,
      inbound.address,
      renderTelegramReply(await options.assistant.failureReply(inbound)),
    ).catch(() => undefined);
  }
}
