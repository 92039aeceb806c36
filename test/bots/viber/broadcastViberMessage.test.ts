// broadcast_message against the stand-in: batches of at most 300 receivers,
// and the receivers Viber could not reach named with their status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { broadcastViberMessage } from '../../../bots/viber/broadcastViberMessage.ts';
import { createViberApi } from '../../../bots/viber/viberApi.ts';
import { startFakeViberApi, type FakeViberApi } from '../../support/fakeViberApi.ts';

let fake: FakeViberApi;

beforeEach(async () => {
  fake = await startFakeViberApi();
});

afterEach(async () => {
  await fake.close();
});

describe('broadcastViberMessage', () => {
  it('sends 650 receivers in three calls of at most 300, and names those Viber could not reach', async () => {
    const receivers = Array.from({ length: 650 }, (_, i) => `user-${i}`);
    for (const receiver of receivers.slice(0, 640)) fake.personWrote(receiver);
    fake.personOpened('user-645');
    const deps = {
      call: createViberApi({ apiUrl: fake.apiUrl, authToken: fake.authToken }),
      sender: { name: 'Cafe' },
      publish: async () => 'https://shop.example/i.png',
    };

    const outcome = await broadcastViberMessage(deps, receivers, { text: 'A new offer' });

    const calls = fake.callsTo('broadcast_message');
    expect(calls.map((call) => (call.body.broadcast_list as string[]).length)).toEqual([300, 300, 50]);
    expect(outcome.failed).toHaveLength(10);
    expect(outcome.failed.find((entry) => entry.receiver === 'user-645')?.status).toBe(6);
    expect(outcome.failed.find((entry) => entry.receiver === 'user-649')?.status).toBe(5);
  });
});
