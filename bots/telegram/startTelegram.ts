import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../core/logger.ts';

export interface TelegramTransport {
  mode: 'polling' | 'webhook';
  stop(): Promise<void>;
}

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

/**
 * Webhook mode when a public URL is configured (Telegram must present the
 * secret header, or gets 401 and changes nothing); long polling otherwise.
 */
export async function startTelegram(
  bot: Bot,
  server: FastifyInstance,
  options: { publicUrl?: string; webhookSecret?: string; log: Logger },
): Promise<TelegramTransport> {
  await bot.init();
  if (options.publicUrl && options.webhookSecret) {
    server.post(TELEGRAM_WEBHOOK_PATH, webhookCallback(bot, 'fastify', { secretToken: options.webhookSecret }));
    const url = new URL(TELEGRAM_WEBHOOK_PATH, options.publicUrl).toString();
    await bot.api.setWebhook(url, { secret_token: options.webhookSecret, allowed_updates: ['message', 'callback_query'] });
    options.log.info({ url }, 'telegram webhook set');
    return { mode: 'webhook', stop: async () => undefined };
  }
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
  options.log.info({ bot: bot.botInfo.username }, 'telegram long polling started');
  return { mode: 'polling', stop: () => (runner.isRunning() ? runner.stop() : Promise.resolve()) };
}
