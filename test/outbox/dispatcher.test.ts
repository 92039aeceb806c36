// The dispatcher against the Bot API stand-in over HTTP: flood control, 5xx,
// a blocked bot, a restart mid-way and a dead instance's lease, on SQLite and
// on a real PostgreSQL server. Rates are measured from the times the fake
// recorded each call arriving, never from the test's own clock.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { enqueue } from '../../core/storage/outbox/enqueue.ts';
import { claimDue } from '../../core/storage/outbox/enqueue.ts';
import { startFakeBotApi, type FakeBotApi } from '../support/fakeBotApi.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import {
  accepted,
  deliveriesByText,
  mostInAnyWindow,
  mostToOneChatInAnyWindow,
  settledOutbox,
  telegramDispatcher,
  type SendRecord,
} from './support/dispatcherHarness.ts';
import { aChat, aMember, statusCounts, telegramDraft } from './support/outboxFixtures.ts';

describeEachProvider('the outbox dispatcher', (provider) => {
  let db: TestDatabase;
  let fake: FakeBotApi;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    fake = await startFakeBotApi();
  });

  afterEach(async () => {
    await fake.close();
    await db.dispose();
  });

  /** `perChat` messages to each of `chats` chats, written chat by chat like a campaign; returns the texts. */
  async function enqueueCampaign(chats: number, perChat: number): Promise<string[]> {
    const texts: string[] = [];
    for (let chat = 0; chat < chats; chat += 1) {
      for (let n = 0; n < perChat; n += 1) {
        const text = `chat ${chat} message ${n}`;
        await enqueue(db, telegramDraft(5000 + chat, text));
        texts.push(text);
      }
    }
    return texts;
  }

  it(
    'delivers 300 messages to 30 chats exactly once through 429s and 5xx, never above 30/s overall or 1/s per chat',
    { timeout: 90_000 },
    async () => {
      const texts = await enqueueCampaign(30, 10);
      fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
      fake.failNext('sendMessage', { status: 500 }, 2);
      const dispatcher = telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 1_000 });
      dispatcher.start();
      try {
        await fake.waitForCalls((call) => call.method === 'sendMessage' && call.rejectedWith === undefined, {
          count: 100,
          timeoutMs: 30_000,
        });
        fake.failNext('sendMessage', { status: 502 });
        fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
        fake.failNext('sendMessage', { status: 503 });
        expect(await settledOutbox(db, 60_000)).toEqual({ sent: 300 });
      } finally {
        await dispatcher.stop();
      }
      const calls = fake.callsTo('sendMessage');
      expect(calls.filter((call) => call.rejectedWith !== undefined).map((call) => call.rejectedWith)).toEqual([
        429, 500, 500, 502, 429, 503,
      ]);
      const deliveries = deliveriesByText(calls);
      expect(texts.filter((text) => deliveries.get(text) !== 1)).toEqual([]);
      expect(deliveries.size).toBe(300);
      expect(mostInAnyWindow(accepted(calls).map((call) => call.at))).toBeLessThanOrEqual(30);
      expect(mostToOneChatInAnyWindow(accepted(calls))).toBe(1);
    },
  );

  it('pauses the whole channel for retry_after when Telegram answers 429', { timeout: 30_000 }, async () => {
    await enqueueCampaign(10, 2);
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    const sends: SendRecord[] = [];
    const dispatcher = telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 1_000 }, {}, sends);
    dispatcher.start();
    try {
      expect(await settledOutbox(db, 20_000)).toEqual({ sent: 20 });
    } finally {
      await dispatcher.stop();
    }
    // Judged by the dispatcher's own clock, so a loaded machine cannot blur it: once the
    // 429 is known, no send starts for retry_after, and the refused message comes after it.
    const flood = sends.find((send) => send.result?.kind === 'retryAfter')!;
    const pauseEnd = flood.endedAt! + 1_000;
    expect(sends.filter((send) => send.startedAt > flood.endedAt! && send.startedAt < pauseEnd - 5)).toEqual([]);
    const retried = sends.find((send) => send.text === flood.text && send.startedAt > flood.endedAt!)!;
    expect(retried.result).toEqual({ kind: 'delivered' });
  });

  it('marks a chat that blocked the bot unreachable and fails its message without retrying', async () => {
    const memberId = await aMember(db);
    const chat = await aChat(db, { memberId, channel: 'telegram', address: '7001' });
    await enqueue(db, { memberId, dedupeKey: 'purchase:1', message: { text: 'You earned 50 points' } });
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    const dispatcher = telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 1_000 });
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(await db.prisma.outboxMessage.findMany()).toMatchObject([
      { status: 'failed', attempts: 1, lastError: '403: Forbidden: bot was blocked by the user' },
    ]);
    expect((await db.prisma.chat.findFirstOrThrow({ where: chat })).unreachableAt).toBeInstanceOf(Date);
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('treats "chat not found" as unreachable and any other 400 as a final refusal', async () => {
    await aChat(db, { channel: 'telegram', address: '7002' });
    await enqueue(db, telegramDraft(7002, 'to a vanished chat'));
    await enqueue(db, telegramDraft(7003, 'refused'));
    fake.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
    fake.failNext('sendMessage', { status: 400, description: "Bad Request: can't parse entities" });
    expect(await telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 1_000 }).drainOnce()).toBe(2);
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.status, row.lastError])).toEqual([
      ['failed', '400: Bad Request: chat not found'],
      ['failed', "400: Bad Request: can't parse entities"],
    ]);
    expect((await db.prisma.chat.findFirstOrThrow({ where: { address: '7002' } })).unreachableAt).toBeInstanceOf(Date);
  });

  it(
    'resumes after a restart mid-way: a new dispatcher delivers the rest and nothing twice',
    { timeout: 60_000 },
    async () => {
      const texts = await enqueueCampaign(10, 10);
      const limits = { perSecond: 20, perAddressIntervalMs: 200 };
      const first = telegramDispatcher(db, fake, limits);
      first.start();
      await fake.waitForCalls((call) => call.method === 'sendMessage', { count: 50, timeoutMs: 20_000 });
      await first.stop();
      const afterStop = await statusCounts(db);
      expect(afterStop.sending ?? 0).toBe(0);
      expect(afterStop.sent).toBeGreaterThanOrEqual(50);
      expect(afterStop.sent).toBeLessThan(100);

      const second = telegramDispatcher(db, fake, limits);
      second.start();
      try {
        expect(await settledOutbox(db, 30_000)).toEqual({ sent: 100 });
      } finally {
        await second.stop();
      }
      const deliveries = deliveriesByText(fake.callsTo('sendMessage'));
      expect(texts.filter((text) => deliveries.get(text) !== 1)).toEqual([]);
    },
  );

  it('reclaims and delivers, once, a message whose instance died mid-send', async () => {
    await enqueue(db, telegramDraft(7004, 'orphaned by a crash', { at: new Date(Date.now() - 180_000) }));
    // An instance claimed it two minutes ago and died before sending: its lease ran out a minute ago.
    await claimDue(db, { channel: 'telegram', limit: 10, now: new Date(Date.now() - 120_000), leaseMs: 60_000 });
    expect(await statusCounts(db)).toEqual({ sending: 1 });
    expect(await telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 1_000 }).drainOnce()).toBe(1);
    expect(await db.prisma.outboxMessage.findMany()).toMatchObject([{ status: 'sent', attempts: 2 }]);
    expect(fake.sentTexts(7004)).toEqual(['orphaned by a crash']);
  });

  it('leaves a message alone while a live instance holds its lease', async () => {
    await enqueue(db, telegramDraft(7005, 'held elsewhere'));
    await claimDue(db, { channel: 'telegram', limit: 10, now: new Date(), leaseMs: 60_000 });
    expect(await telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 1_000 }).drainOnce()).toBe(0);
    expect(fake.callsTo('sendMessage')).toEqual([]);
  });

  it('sends a message with an image as a photo with its caption and buttons', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const message = { text: 'Your card', image: { png, alt: 'QR' }, buttons: [[{ label: 'Menu', payload: 'menu' }]] };
    await enqueue(db, { memberId: null, channel: 'telegram', address: '7006', dedupeKey: 'card', message });
    await telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 1_000 }).drainOnce();
    const [photo] = fake.callsTo('sendPhoto');
    expect(String(photo?.payload.chat_id)).toBe('7006');
    expect(photo?.payload).toMatchObject({
      caption: 'Your card',
      reply_markup: { inline_keyboard: [[{ text: 'Menu', callback_data: 'menu' }]] },
    });
    expect(photo?.files.photo?.bytes).toEqual(png);
  });
});
