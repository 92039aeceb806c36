import { Bot } from 'grammy';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../core/logger.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase } from '../core/storage/db/openDatabase.ts';
import { createTelegramBot } from '../bots/telegram/createTelegramBot.ts';
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
    return { assistant, echo: echoFigures, queriesPerUpdate };
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
