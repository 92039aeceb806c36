import { Api } from 'grammy';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../core/logger.ts';
import { createDispatcher } from '../core/outbox/dispatcher.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase, type Database } from '../core/storage/db/openDatabase.ts';
import { enqueueInTransaction } from '../core/storage/outbox/enqueue.ts';
import { createOutboxStore } from '../core/storage/outbox/createOutboxStore.ts';
import { createTelegramSender } from '../bots/telegram/sendTelegramMessage.ts';
import { startFakeBotApi } from '../test/support/fakeBotApi.ts';
import { sendRate } from './sendRate.ts';

const MESSAGES = 3_000;
const WARMUP_MESSAGES = 600;
/** Above Telegram's 30/s so the run is short; what is measured is how close the dispatcher comes to whatever the limit is. */
const RATE_PER_SECOND = 300;

export interface DispatcherBenchResult {
  messages: number;
  configuredPerSecond: number;
  /** Sends per second over the whole seconds of the run, by the Bot API stand-in's clock. */
  achievedPerSecond: number;
  /** achieved / configured. */
  share: number;
  /** The most sends the stand-in accepted within any one second (must not exceed the limit). */
  busiestSecond: number;
  seconds: number;
}

/**
 * The outbox dispatcher on SQLite sending a campaign (one message to each of
 * 3,000 Telegram chats, 1/s per chat) to the Bot API stand-in over HTTP on
 * loopback, limited to 300 messages/s overall, after a shorter warm-up
 * campaign (JIT, connection pool, SQLite cache).
 */
export async function benchDispatcher(): Promise<DispatcherBenchResult> {
  await runCampaign(WARMUP_MESSAGES);
  return runCampaign(MESSAGES);
}

async function runCampaign(messages: number): Promise<DispatcherBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-bench-outbox-'));
  const db = openDatabase(`file:${join(dir, 'bench.db')}`);
  const fake = await startFakeBotApi();
  try {
    await migrateDatabase(db);
    await enqueueCampaign(db, messages);
    const dispatcher = createDispatcher({
      store: createOutboxStore(db),
      senders: { telegram: createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot })) },
      limits: { telegram: { perSecond: RATE_PER_SECOND, perAddressIntervalMs: 1_000 } },
      log: silentLogger,
    });
    const started = performance.now();
    dispatcher.start();
    await fake.waitForCalls((call) => call.method === 'sendMessage', { count: messages, timeoutMs: 120_000 });
    await dispatcher.stop();
    const seconds = (performance.now() - started) / 1000;
    return figures(
      fake.callsTo('sendMessage').map((call) => call.at),
      seconds,
    );
  } finally {
    await fake.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function enqueueCampaign(db: Database, messages: number): Promise<void> {
  await db.prisma.$transaction(
    async (tx) => {
      for (let chat = 0; chat < messages; chat += 1) {
        await enqueueInTransaction(tx, {
          memberId: null,
          channel: 'telegram',
          address: String(900_000 + chat),
          dedupeKey: `campaign:1:${chat}`,
          message: { text: `Spring sale, chat ${chat}` },
        });
      }
    },
    { timeout: 120_000 },
  );
}

function figures(times: number[], seconds: number): DispatcherBenchResult {
  return { ...sendRate(times, RATE_PER_SECOND), configuredPerSecond: RATE_PER_SECOND, seconds };
}
