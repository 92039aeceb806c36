// The Viber lane sends a campaign's messages alike as broadcast_message
// calls against the stand-in over loopback: at most 300 receivers a call,
// each receiver once, every row settled by its own outcome, and never more
// than 500 calls in any 10 seconds by the stand-in's clock.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startFakeViberApi, type FakeViberApi } from '../../support/fakeViberApi.ts';
import { simulatedTimer } from '../../support/simulatedTimer.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';
import { mostInAnyWindow } from '../../outbox/support/dispatcherHarness.ts';
import { statusCounts } from '../../outbox/support/outboxFixtures.ts';
import { queueCampaignRows, receiversOf, subscribers, viberDispatcher } from './support/campaignRows.ts';

const offer = { text: 'A new offer', buttons: [[{ label: 'Stop these messages', payload: 'offers:stop:news' }]] };
/** 550 calls and 1,100 rows settled take a few seconds alone, and several times that on a loaded machine. */
const SLOW = { timeout: 120_000 };
const people = (count: number, prefix = 'user') => Array.from({ length: count }, (_, i) => `${prefix}-${i}==`);

describeEachProvider('the viber lane sending a campaign', (provider) => {
  let db: TestDatabase;
  let fake: FakeViberApi;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await fake?.close();
    await db.dispose();
  });

  it('sends 650 messages alike in three broadcasts of 300, 300 and 50, each receiver once, every row sent', async () => {
    fake = await startFakeViberApi();
    const receivers = people(650);
    subscribers(fake, receivers);
    await queueCampaignRows(
      db,
      receivers.map((address) => ({ address, message: offer })),
    );

    await viberDispatcher(db, fake).drainOnce();

    const calls = fake.callsTo('broadcast_message');
    expect(calls.map((call) => receiversOf(call).length)).toEqual([300, 300, 50]);
    expect(calls.flatMap(receiversOf).sort()).toEqual([...receivers].sort());
    expect(fake.callsTo('send_message')).toEqual([]);
    expect(await statusCounts(db)).toEqual({ sent: 650 });
    const rows = await db.prisma.outboxMessage.findMany({ select: { address: true, platformId: true } });
    const tokenOf = new Map(calls.flatMap((call) => receiversOf(call).map((r) => [r, String(call.token)])));
    expect(rows.filter((row) => row.platformId !== tokenOf.get(row.address))).toEqual([]);
  });

  it('fails the row of a receiver Viber lists as not subscribed (status 6) and marks the chat unreachable', async () => {
    fake = await startFakeViberApi();
    const receivers = people(5);
    subscribers(fake, receivers.slice(0, 4));
    fake.personOpened(receivers[4]!);
    await queueCampaignRows(
      db,
      receivers.map((address) => ({ address, message: offer })),
    );

    await viberDispatcher(db, fake).drainOnce();

    expect(fake.callsTo('broadcast_message')).toHaveLength(1);
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { address: receivers[4] } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/status 6/);
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { channel: 'viber', address: receivers[4] } });
    expect(chat.unreachableAt).not.toBeNull();
    expect(await statusCounts(db)).toEqual({ sent: 4, failed: 1 });
  });

  it('sends one by one what differs per member, and what belongs to no campaign', async () => {
    fake = await startFakeViberApi();
    const receivers = people(5);
    subscribers(fake, receivers);
    await queueCampaignRows(db, [
      { address: receivers[0]!, message: { text: 'Anna, a new offer' } },
      { address: receivers[1]!, message: { text: 'Ion, a new offer' } },
      { address: receivers[2]!, message: { text: 'Предложение' } },
      { address: receivers[3]!, message: offer, campaignId: null },
      { address: receivers[4]!, message: offer, campaignId: null },
    ]);

    await viberDispatcher(db, fake).drainOnce();

    expect(fake.callsTo('broadcast_message')).toEqual([]);
    expect(
      fake
        .callsTo('send_message')
        .map((call) => call.body.receiver)
        .sort(),
    ).toEqual([...receivers].sort());
    expect(await statusCounts(db)).toEqual({ sent: 5 });
  });

  it('sends a picture whose text does not fit its caption one by one, since it takes two Viber messages', async () => {
    fake = await startFakeViberApi();
    const receivers = people(2);
    subscribers(fake, receivers);
    const picture = { text: 'x'.repeat(200), image: { png: Buffer.from('png'), alt: 'The offer' } };
    await queueCampaignRows(
      db,
      receivers.map((address) => ({ address, message: picture })),
    );

    await viberDispatcher(db, fake).drainOnce();

    expect(fake.callsTo('broadcast_message')).toEqual([]);
    expect(
      fake
        .callsTo('send_message')
        .map((call) => call.body.type)
        .sort(),
    ).toEqual(['picture', 'picture', 'text', 'text']);
    expect(await statusCounts(db)).toEqual({ sent: 2 });
  });

  it('keeps every message of a broadcast Viber refused for too many requests, to try again after the pause', async () => {
    fake = await startFakeViberApi();
    const receivers = people(3);
    subscribers(fake, receivers);
    fake.failNext('broadcast_message', { status: 12, message: 'tooManyRequests' });
    await queueCampaignRows(
      db,
      receivers.map((address) => ({ address, message: offer })),
    );

    await viberDispatcher(db, fake).drainOnce();

    expect(fake.callsTo('broadcast_message')).toHaveLength(1);
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
      ['pending', 1],
    ]);
    for (const row of rows) expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('gives back every message of a broadcast refused for our token, and sends nothing more', async () => {
    fake = await startFakeViberApi();
    const receivers = people(3);
    subscribers(fake, receivers);
    fake.failNext('broadcast_message', { status: 2, message: 'invalidAuthToken' });
    await queueCampaignRows(
      db,
      receivers.map((address) => ({ address, message: offer })),
    );
    const dispatcher = viberDispatcher(db, fake);

    await dispatcher.drainOnce();
    await dispatcher.drainOnce();

    expect(fake.calls.map((call) => call.endpoint)).toEqual(['broadcast_message']);
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(rows.map(() => ['pending', 0]));
  });

  it('never makes more than 500 broadcast calls in any 10 seconds of the stand-in’s clock', SLOW, async () => {
    const timer = simulatedTimer();
    fake = await startFakeViberApi({ clock: timer.now });
    // 1,100 members in pairs that share a message: 550 broadcasts, more than 10 seconds' worth.
    const receivers = people(1_100);
    subscribers(fake, receivers);
    await queueCampaignRows(
      db,
      receivers.map((address, index) => ({ address, message: { text: `Offer ${Math.floor(index / 2)}` } })),
    );

    await viberDispatcher(db, fake, timer).drainOnce();

    const calls = fake.callsTo('broadcast_message');
    expect(calls).toHaveLength(550);
    expect(await statusCounts(db)).toEqual({ sent: 1_100 });
    const busiest = mostInAnyWindow(
      calls.map((call) => call.at),
      10_000,
    );
    expect(busiest).toBeLessThanOrEqual(500);
  });
});
