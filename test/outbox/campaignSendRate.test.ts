// A campaign's backlog on Telegram at its limits (issue 18): 30 messages a
// second overall, one a second per chat. Counted from the times the Bot API
// stand-in recorded each call, on simulated time that stands still while the
// table or the stand-in is working, so the counts are exact on any machine.
// The stand-in answers 200 ms after each request, like a distant platform: a
// gate that counted each send until its answer would reach only 30 per 1.2 s.
import { Api } from 'grammy';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { createDispatcher } from '../../core/outbox/dispatcher.ts';
import type { OutboxStore } from '../../core/outbox/outboxPorts.ts';
import type { Sender } from '../../core/outbox/sender.ts';
import { createOutboxStore } from '../../core/storage/outbox/createOutboxStore.ts';
import { enqueue } from '../../core/storage/outbox/enqueue.ts';
import { createTelegramSender } from '../../bots/telegram/sendTelegramMessage.ts';
import { startFakeBotApi, type FakeBotApi } from '../support/fakeBotApi.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import { accepted, mostInAnyWindow, mostToOneChatInAnyWindow, testSettings } from './support/dispatcherHarness.ts';
import { statusCounts, telegramDraft } from './support/outboxFixtures.ts';
import { quiescentTimer, type QuiescentTimer } from './support/quiescentTimer.ts';

const LIMIT_PER_SECOND = 30;
const ANSWER_MS = 200;
/** 840 chats with one message and 20 with three: about 30 seconds of sending at the limit. */
const SINGLE_CHATS = 840;
const BUSY_CHATS = 20;
const PER_BUSY_CHAT = 3;
const MESSAGES = SINGLE_CHATS + BUSY_CHATS * PER_BUSY_CHAT;

describeEachProvider('a campaign backlog on Telegram', (provider) => {
  let db: TestDatabase;
  let fake: FakeBotApi;
  let timer: QuiescentTimer;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    timer = quiescentTimer();
    fake = await startFakeBotApi({ clock: timer.now });
  });

  afterEach(async () => {
    await fake.close();
    await db.dispose();
  });

  it(
    'goes out at the limit, never more than 30 in any second and never two to a chat within a second',
    {
      timeout: 120_000,
    },
    async () => {
      for (let chat = 0; chat < SINGLE_CHATS + BUSY_CHATS; chat += 1) {
        const count = chat < BUSY_CHATS ? PER_BUSY_CHAT : 1;
        for (let n = 0; n < count; n += 1) await enqueue(db, telegramDraft(8000 + chat, `chat ${chat} message ${n}`));
      }

      await simulatedDispatcher(db, fake, timer).drainOnce();

      expect(await statusCounts(db)).toEqual({ sent: MESSAGES });
      const sends = accepted(fake.callsTo('sendMessage'));
      expect(sends).toHaveLength(MESSAGES);
      const times = sends.map((call) => call.at);
      expect(mostInAnyWindow(times)).toBe(LIMIT_PER_SECOND);
      expect(mostToOneChatInAnyWindow(sends)).toBe(1);
      // A steady backlog: in its first 25 whole seconds at least 97 % of 25 × 30 went out.
      const first = Math.min(...times);
      const seconds = 25;
      const sentInThem = times.filter((at) => at < first + seconds * 1_000).length;
      expect(sentInThem).toBeGreaterThanOrEqual(Math.ceil(0.97 * LIMIT_PER_SECOND * seconds));
      expect(sentInThem).toBeLessThanOrEqual(LIMIT_PER_SECOND * seconds);
    },
  );
});

/** The application's dispatcher and Telegram sender, with the table's clock following the simulated one. */
function simulatedDispatcher(db: TestDatabase, fake: FakeBotApi, timer: QuiescentTimer) {
  const send = createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot }));
  const answeredLate: Sender = async (address, message) => {
    const result = await timer.busy(() => send(address, message));
    await timer.wait(ANSWER_MS);
    return result;
  };
  const start = Date.now();
  return createDispatcher({
    store: heldStill(createOutboxStore(db), timer),
    senders: { telegram: answeredLate },
    limits: { telegram: { perSecond: LIMIT_PER_SECOND, perAddressIntervalMs: 1_000 } },
    settings: testSettings,
    clock: () => new Date(start + timer.now()),
    timer,
    log: silentLogger,
  });
}

/** The store, each call holding the simulated clock still until it is answered. */
function heldStill(store: OutboxStore, timer: QuiescentTimer): OutboxStore {
  const held = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store) as [string, (...args: unknown[]) => Promise<unknown>][])
    held[name] = (...args: unknown[]) => timer.busy(() => method(...args));
  return held as unknown as OutboxStore;
}
