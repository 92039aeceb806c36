// A campaign's backlog on Telegram at its limits (issue 18): 30 messages a
// second overall, one a second per chat, counted on the times the Bot API
// stand-in recorded each call. Time is simulated and stands still while the
// stand-in works, so the counts are exact on any machine; each request takes
// a few ms to arrive, a different number each time, and its answer a few
// more; the table answers in no time. Every two seconds the process stalls for a quarter of a second, as a
// loaded machine's does: the requests under way then reach the stand-in
// together at the stall's end, and the lane wakes late.
import { Api } from 'grammy';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { createDispatcher, type Dispatcher } from '../../core/outbox/dispatcher.ts';
import type { OutboxStore } from '../../core/outbox/outboxPorts.ts';
import type { Sender } from '../../core/outbox/sender.ts';
import { serializeReplies } from '../../core/storage/conversation/storedReplies.ts';
import type { Database } from '../../core/storage/db/openDatabase.ts';
import { createOutboxStore } from '../../core/storage/outbox/createOutboxStore.ts';
import { createTelegramSender } from '../../bots/telegram/sendTelegramMessage.ts';
import { startFakeBotApi, type FakeBotApi } from '../support/fakeBotApi.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import { accepted, mostInAnyWindow, mostToOneChatInAnyWindow, testSettings } from './support/dispatcherHarness.ts';
import { statusCounts } from './support/outboxFixtures.ts';
import { quiescentTimer, type QuiescentTimer } from './support/quiescentTimer.ts';

const LIMIT_PER_SECOND = 30;
/** 630 chats with one message and 20 with three: 23 seconds of sending at the limit. */
const SINGLE_CHATS = 630;
const BUSY_CHATS = 20;
const PER_BUSY_CHAT = 3;
const MESSAGES = SINGLE_CHATS + BUSY_CHATS * PER_BUSY_CHAT;
/** Whole seconds from the first send during which the queue is still full. */
const FULL_SECONDS = 20;

describeEachProvider('a campaign backlog on Telegram', (provider) => {
  let db: TestDatabase;
  let fake: FakeBotApi;
  let timer: QuiescentTimer;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    timer = quiescentTimer({ everyMs: 2_000, ms: 250 });
    fake = await startFakeBotApi({ clock: timer.now });
  });

  afterEach(async () => {
    await fake.close();
    await db.dispose();
  });

  it(
    'goes out at 97 % of the limit or more, never above 30 in any second nor two to a chat within a second',
    { timeout: 180_000 },
    async () => {
      await queueBacklog(db);

      await simulatedDispatcher(db, fake, timer).drainOnce();

      expect(await statusCounts(db)).toEqual({ sent: MESSAGES });
      const sends = accepted(fake.callsTo('sendMessage'));
      expect(sends).toHaveLength(MESSAGES);
      const times = sends.map((call) => call.at);
      expect(mostInAnyWindow(times)).toBeLessThanOrEqual(LIMIT_PER_SECOND);
      expect(mostToOneChatInAnyWindow(sends)).toBe(1);
      const first = Math.min(...times);
      const sentWhileFull = times.filter((at) => at < first + FULL_SECONDS * 1_000).length;
      expect(sentWhileFull).toBeGreaterThanOrEqual(Math.ceil(0.97 * LIMIT_PER_SECOND * FULL_SECONDS));
    },
  );
});

/** The backlog a fan-out leaves: one pending row per message, oldest first, the busy chats' three in a row. */
async function queueBacklog(db: Database): Promise<void> {
  const chats = Array.from({ length: SINGLE_CHATS + BUSY_CHATS }, (_, chat) => ({
    address: String(8000 + chat),
    count: chat < BUSY_CHATS ? PER_BUSY_CHAT : 1,
  }));
  const rows = chats.flatMap(({ address, count }) => Array.from({ length: count }, (_, n) => ({ address, n })));
  const base = Date.now() - 60_000;
  await db.prisma.outboxMessage.createMany({
    data: rows.map(({ address, n }, index) => ({
      id: crypto.randomUUID(),
      channel: 'telegram',
      address,
      dedupeKey: `test-backlog:${address}:${n}`,
      payload: serializeReplies([{ text: `chat ${address} message ${n}` }]),
      status: 'pending',
      nextAttemptAt: new Date(base),
      createdAt: new Date(base + index),
      campaignId: 'campaign-1',
    })),
  });
}

/**
 * The application's dispatcher and Telegram sender on the simulated clock
 * (the table's too); each request arrives 2 to 14 ms after it was sent and
 * its answer 3 ms later.
 */
function simulatedDispatcher(db: Database, fake: FakeBotApi, timer: QuiescentTimer): Dispatcher {
  const send = createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot }));
  let sent = 0;
  const overTheNetwork: Sender = async (address, message) => {
    await timer.wait(2 + ((sent++ * 7) % 13));
    const result = await timer.busy(() => send(address, message));
    await timer.wait(3);
    return result;
  };
  const start = Date.now();
  return createDispatcher({
    store: heldStill(createOutboxStore(db), timer),
    senders: { telegram: overTheNetwork },
    limits: { telegram: { perSecond: LIMIT_PER_SECOND, perAddressIntervalMs: 1_000 } },
    settings: testSettings,
    clock: () => new Date(start + timer.now()),
    timer,
    log: silentLogger,
  });
}

/** The table, each call holding the simulated clock still until it is answered: the table is not what is measured. */
function heldStill(store: OutboxStore, timer: QuiescentTimer): OutboxStore {
  const calls = Object.entries(store) as [keyof OutboxStore, (...args: unknown[]) => Promise<unknown>][];
  return Object.fromEntries(
    calls.map(([name, call]) => [name, (...args: unknown[]) => timer.busy(() => call(...args))]),
  ) as unknown as OutboxStore;
}
