import Fastify from 'fastify';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../core/logger.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase } from '../core/storage/db/openDatabase.ts';
import { createTelegramBot } from '../bots/telegram/createTelegramBot.ts';
import { registerTelegramWebhook, TELEGRAM_WEBHOOK_PATH } from '../bots/telegram/startTelegram.ts';
import { fakeBotApiTransformer } from '../test/support/fakeBotApiTransformer.ts';
import { makeBotToken, makeBotUser } from '../test/support/botApiResults.ts';
import { measure, type RunFigures } from './latency.ts';
import { seedMembers } from './seedMembers.ts';
import { updateMix } from './updateMix.ts';
import { benchAssistant } from './benchAssistant.ts';

const MEMBERS = 10_000;
const UPDATES = 20_000;
const WARMUP = 1_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

export interface TelegramBenchResult {
  assistant: RunFigures;
  /** The same updates again (new ids) as POSTs into the webhook route, secret checked: the path Viber's compares with. */
  webhook: RunFigures;
  echo: RunFigures;
  queriesPerUpdate: number;
}

/**
 * The Telegram adapter and core on SQLite, answering a realistic mix of
 * member updates with the Bot API answered in-process, next to a bare grammY
 * bot that only echoes the same stream.
 */
export async function benchTelegramUpdates(): Promise<TelegramBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-bench-'));
  let queries = 0;
  const db = openDatabase(`file:${join(dir, 'bench.db')}`, { onQuery: () => queries++ });
  try {
    await migrateDatabase(db);
    const userIds = await seedMembers(db, MEMBERS, 100_000);
    const bot = assistantBot(db);
    const echo = echoBot();
    const updates = updateMix(userIds, UPDATES + WARMUP);
    const warm = updates.slice(0, WARMUP);
    await measure(warm, CONCURRENCY, (u) => bot.handleUpdate(u));
    await measure(warm, CONCURRENCY, (u) => echo.handleUpdate(u));
    const measured = updates.slice(WARMUP);
    queries = 0;
    const assistant = await measure(measured, CONCURRENCY, (u) => bot.handleUpdate(u));
    const queriesPerUpdate = queries / measured.length;
    const echoFigures = await measure(measured, CONCURRENCY, (u) => echo.handleUpdate(u));
    const webhook = await throughWebhook(bot, measured);
    return { assistant, webhook, echo: echoFigures, queriesPerUpdate };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function assistantBot(db: ReturnType<typeof openDatabase>): Bot {
  const assistant = benchAssistant(db);
  const bot = createTelegramBot({
    token: makeBotToken(1),
    apiRoot: 'http://127.0.0.1:9',
    assistant,
    log: silentLogger,
    botInfo: makeBotUser(),
  });
  bot.api.config.use(fakeBotApiTransformer());
  return bot;
}

const SECRET = 'bench-webhook-secret';

async function throughWebhook(bot: Bot, updates: Update[]): Promise<RunFigures> {
  const server = Fastify({ bodyLimit: 1024 * 1024 });
  registerTelegramWebhook(bot, server, SECRET);
  await server.ready();
  try {
    // New update ids: the direct run's are recorded as processed and would be dropped as redeliveries.
    const bodies = updates.map((update) => JSON.stringify({ ...update, update_id: update.update_id + 10_000_000 }));
    return await measure(bodies, CONCURRENCY, async (payload) => {
      const response = await server.inject({
        method: 'POST',
        url: TELEGRAM_WEBHOOK_PATH,
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        payload,
      });
      if (response.statusCode !== 200) throw new Error(`the webhook answered ${response.statusCode}`);
    });
  } finally {
    await server.close();
  }
}

function echoBot(): Bot {
  const bot = new Bot(makeBotToken(1), { botInfo: makeBotUser() });
  bot.api.config.use(fakeBotApiTransformer());
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.callbackQuery.data);
  });
  return bot;
}
