import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Translator } from '../../core/i18n/translator.ts';
import type { Logger } from '../../core/logger.ts';
import { setBotCommands } from './setBotCommands.ts';
import type { MemberCommand } from '../../core/menu/memberCommands.ts';

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
  options: {
    publicUrl?: string;
    webhookSecret?: string;
    log: Logger;
    translator: Translator;
    defaultLocale: Locale;
    commands: readonly MemberCommand[];
  },
): Promise<TelegramTransport> {
  await bot.init();
  await setBotCommands(bot.api, options);
  if (options.publicUrl && options.webhookSecret) {
    registerTelegramWebhook(bot, server, options.webhookSecret);
    // Appended, not resolved: PUBLIC_URL may carry a path (https://host/loyalty).
    const url = `${options.publicUrl.replace(/\/+$/, '')}${TELEGRAM_WEBHOOK_PATH}`;
    await bot.api.setWebhook(url, {
      secret_token: options.webhookSecret,
      allowed_updates: ['message', 'callback_query'],
    });
    options.log.info({ url }, 'telegram webhook set');
    return { mode: 'webhook', stop: async () => undefined };
  }
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
  options.log.info({ bot: bot.botInfo.username }, 'telegram long polling started');
  return { mode: 'polling', stop: () => (runner.isRunning() ? runner.stop() : Promise.resolve()) };
}

const updateShape = {
  type: 'object',
  required: ['update_id'],
  properties: { update_id: { type: 'integer' } },
} as const;

/**
 * The secret is checked before the body is even looked at, so a stranger
 * learns nothing; a body that is no update is a 400, never a 500 that
 * Telegram would keep redelivering.
 */
export function registerTelegramWebhook(bot: Bot, server: FastifyInstance, secret: string): void {
  const expected = Buffer.from(secret);
  server.post(TELEGRAM_WEBHOOK_PATH, {
    schema: { body: updateShape },
    onRequest: async (request, reply) => {
      const given = Buffer.from(String(request.headers['x-telegram-bot-api-secret-token'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        request.log.warn({ url: request.url }, 'telegram webhook refused: wrong or missing secret token');
        await reply.code(401).send({ error: 'secret token is wrong' });
      }
    },
    // The one secret check is the hook above; grammY's own `secretToken` would only repeat it.
    handler: webhookCallback(bot, 'fastify'),
  });
}
