// One broadcast_message call against the stand-in: one token for the whole
// broadcast, the receivers Viber could not reach named with their status,
// and what the outbox makes of each receiver.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { broadcastViberMessage } from '../../../bots/viber/broadcastViberMessage.ts';
import { createViberBroadcaster } from '../../../bots/viber/createViberBroadcaster.ts';
import { startFakeViberApi, type FakeViberApi } from '../../support/fakeViberApi.ts';
import { subscribers, viberDeps } from './support/campaignRows.ts';

let fake: FakeViberApi;

beforeEach(async () => {
  fake = await startFakeViberApi();
});

afterEach(async () => {
  await fake.close();
});

describe('broadcastViberMessage', () => {
  it('sends one message to every receiver in one call, and names those Viber could not reach', async () => {
    subscribers(fake, ['anna', 'ion']);
    fake.personOpened('maria');

    const outcome = await broadcastViberMessage(viberDeps(fake), ['anna', 'ion', 'maria', 'nobody'], {
      text: 'A new offer',
    });

    const [call] = fake.callsTo('broadcast_message');
    expect(call?.body).toMatchObject({ broadcast_list: ['anna', 'ion', 'maria', 'nobody'], text: 'A new offer' });
    expect(outcome.token).toBe(String(call?.token));
    expect(outcome.failed.map(({ receiver, status }) => [receiver, status])).toEqual([
      ['maria', 6],
      ['nobody', 5],
    ]);
  });

  it('refuses more than 300 receivers before calling Viber', async () => {
    const receivers = Array.from({ length: 301 }, (_, i) => `user-${i}`);

    await expect(broadcastViberMessage(viberDeps(fake), receivers, { text: 'Too many' })).rejects.toThrow(
      '1 to 300 receivers',
    );
    expect(fake.calls).toEqual([]);
  });
});

describe('the viber broadcaster', () => {
  it('gives every receiver the broadcast’s token, and one not subscribed its own final outcome', async () => {
    subscribers(fake, ['anna']);
    fake.personOpened('maria');

    const results = await createViberBroadcaster(viberDeps(fake)).sender(['anna', 'maria'], { text: 'Offer' });

    const token = String(fake.callsTo('broadcast_message')[0]?.token);
    expect(results).toEqual([
      { kind: 'delivered', platformId: token },
      { kind: 'unreachable', reason: expect.stringMatching(/status 6/) },
    ]);
  });

  it('answers a refusal of the whole call for every receiver', async () => {
    subscribers(fake, ['anna', 'ion']);
    fake.failNext('broadcast_message', { status: 12, message: 'tooManyRequests' });

    const results = await createViberBroadcaster(viberDeps(fake)).sender(['anna', 'ion'], { text: 'Offer' });

    expect(results.map((result) => result.kind)).toEqual(['retryAfter', 'retryAfter']);
  });
});
