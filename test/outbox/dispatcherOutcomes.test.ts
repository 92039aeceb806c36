// What the dispatcher does with each kind of outcome, with senders written in
// the test, on SQLite and PostgreSQL.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { createDispatcher } from '../../core/outbox/dispatcher.ts';
import type { Sender, SendResult } from '../../core/outbox/sender.ts';
import type { Outbound } from '../../core/outbound.ts';
import { enqueue } from '../../core/storage/outbox/enqueue.ts';
import { createOutboxStore } from '../../core/storage/outbox/createOutboxStore.ts';
import { startFakeBotApi } from '../support/fakeBotApi.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import { accepted, settledOutbox, telegramDispatcher, testSettings } from './support/dispatcherHarness.ts';
import { statusCounts, telegramDraft } from './support/outboxFixtures.ts';

const limits = { perSecond: 100, perAddressIntervalMs: 0 };

describeEachProvider('the outbox dispatcher, outcome by outcome', (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.dispose();
  });

  /** A sender that answers from a script, one result per call, then `delivered`. */
  function scriptedSender(script: (SendResult | Error)[], sent: string[] = []): Sender {
    return async (_address: string, message: Outbound) => {
      const next = script.shift() ?? { kind: 'delivered' };
      if (next instanceof Error) throw next;
      if (next.kind === 'delivered') sent.push(message.text);
      return next;
    };
  }

  function dispatcherWith(sender: Sender, maxAttempts = 10) {
    return createDispatcher({
      store: createOutboxStore(db),
      senders: { telegram: sender },
      limits: { telegram: limits },
      settings: { ...testSettings, retry: { baseMs: 20, capMs: 100, maxAttempts } },
      log: silentLogger,
    });
  }

  async function runUntilSettled(sender: Sender, maxAttempts?: number) {
    const dispatcher = dispatcherWith(sender, maxAttempts);
    dispatcher.start();
    try {
      return await settledOutbox(db, 10_000);
    } finally {
      await dispatcher.stop();
    }
  }

  it('retries a message whose sender threw, as if the network had failed', async () => {
    await enqueue(db, telegramDraft(1, 'hello'));
    const sent: string[] = [];
    expect(await runUntilSettled(scriptedSender([new Error('a bug in the sender')], sent))).toEqual({ sent: 1 });
    expect(sent).toEqual(['hello']);
    expect(await db.prisma.outboxMessage.findFirst()).toMatchObject({ attempts: 2, lastError: null });
  });

  it('gives up on a message that keeps failing after the last attempt, and says why', async () => {
    await enqueue(db, telegramDraft(1, 'doomed'));
    const outage = Array.from({ length: 10 }, () => ({ kind: 'transient', reason: '502: Bad Gateway' }) as const);
    expect(await runUntilSettled(scriptedSender(outage), 3)).toEqual({ failed: 1 });
    expect(await db.prisma.outboxMessage.findFirst()).toMatchObject({
      attempts: 3,
      lastError: 'gave up after 3 attempts: 502: Bad Gateway',
    });
  });

  it('tells whoever cares about a message given up the very reason it recorded', async () => {
    await enqueue(db, telegramDraft(1, 'doomed'));
    const told: string[] = [];
    const dispatcher = createDispatcher({
      store: createOutboxStore(db),
      senders: { telegram: scriptedSender([{ kind: 'transient', reason: '502: Bad Gateway' }]) },
      limits: { telegram: limits },
      settings: { ...testSettings, retry: { baseMs: 20, capMs: 100, maxAttempts: 1 } },
      onUndeliverable: async (_message, reason) => void told.push(reason),
      log: silentLogger,
    });
    expect(await dispatcher.drainOnce()).toBe(1);
    const { lastError } = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(told).toEqual([lastError]);
    expect(lastError).toBe('gave up after 1 attempts: 502: Bad Gateway');
  });

  it('stops the lane and keeps every message when the platform refuses our credentials, saying so once', async () => {
    for (const text of ['one', 'two', 'three']) await enqueue(db, telegramDraft(7, text));
    const errors: string[] = [];
    let calls = 0;
    const refusing: Sender = async () => {
      calls += 1;
      return { kind: 'unauthorized', reason: '401: Unauthorized (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT)' };
    };
    const log = { ...silentLogger, error: (_obj: object, msg?: string) => void errors.push(msg ?? '') };
    const dispatcher = createDispatcher({
      store: createOutboxStore(db),
      senders: { telegram: refusing },
      limits: { telegram: limits },
      settings: testSettings,
      log,
    });
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(await statusCounts(db)).toEqual({ pending: 3 });
    expect((await db.prisma.outboxMessage.findMany()).map((row) => [row.attempts, row.lastError])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect(errors).toEqual([expect.stringContaining('refused our credentials')]);
    // The lane stops at the first refusal; a second send may already have left when a busy machine delays the answer.
    expect(calls).toBeLessThan(3);
  });

  it('fails a message whose stored form this version cannot read, without calling the platform', async () => {
    await enqueue(db, telegramDraft(1, 'garbled'));
    await db.prisma.outboxMessage.updateMany({ data: { payload: '{"not":"a message"}' } });
    const sent: string[] = [];
    expect(await dispatcherWith(scriptedSender([], sent)).drainOnce()).toBe(1);
    expect(await db.prisma.outboxMessage.findFirst()).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('could not be read'),
    });
    expect(sent).toEqual([]);
  });

  it('fails a message with a link that is not https, without calling the platform', async () => {
    const offer = { text: 'offer', buttons: [[{ label: 'See the offer', url: 'http://shop.example/spring' }]] };
    await enqueue(db, { ...telegramDraft(1, 'offer'), message: offer });
    const sent: string[] = [];
    expect(await dispatcherWith(scriptedSender([], sent)).drainOnce()).toBe(1);
    expect(await db.prisma.outboxMessage.findFirst()).toMatchObject({ status: 'failed' });
    expect(sent).toEqual([]);
  });

  it('leaves messages for a channel it has no sender for', async () => {
    await enqueue(db, { memberId: null, channel: 'viber', address: 'v1', dedupeKey: 'viber', message: { text: 'hi' } });
    await enqueue(db, telegramDraft(1, 'hello'));
    expect(await dispatcherWith(scriptedSender([])).drainOnce()).toBe(1);
    expect(await statusCounts(db)).toEqual({ pending: 1, sent: 1 });
  });

  it('refuses to start with a sender whose channel has no limits', () => {
    expect(() =>
      createDispatcher({
        store: createOutboxStore(db),
        senders: { viber: scriptedSender([]) },
        limits: {},
        log: silentLogger,
      }),
    ).toThrow('no rate limits for it; pass limits.viber');
  });

  it("keeps a chat's messages in order when the first one has to wait for a retry", async () => {
    const fake = await startFakeBotApi();
    try {
      for (const text of ['confirmation', 'tier change', 'stamp card']) await enqueue(db, telegramDraft(42, text));
      fake.failNext('sendMessage', { status: 500 });
      const dispatcher = telegramDispatcher(db, fake, { perSecond: 30, perAddressIntervalMs: 100 });
      dispatcher.start();
      try {
        expect(await settledOutbox(db, 10_000)).toEqual({ sent: 3 });
      } finally {
        await dispatcher.stop();
      }
      expect(accepted(fake.callsTo('sendMessage')).map((call) => call.payload.text)).toEqual([
        'confirmation',
        'tier change',
        'stamp card',
      ]);
    } finally {
      await fake.close();
    }
  });

  it('delivers with drainOnce what the per-chat interval holds back, not only the first message', async () => {
    for (const text of ['one', 'two', 'three']) await enqueue(db, telegramDraft(7, text));
    const sent: string[] = [];
    const dispatcher = createDispatcher({
      store: createOutboxStore(db),
      senders: { telegram: scriptedSender([], sent) },
      limits: { telegram: { perSecond: 30, perAddressIntervalMs: 300 } },
      settings: testSettings,
      log: silentLogger,
    });
    expect(await dispatcher.drainOnce()).toBe(3);
    expect(sent).toEqual(['one', 'two', 'three']);
  });
});
