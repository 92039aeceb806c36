// Property-based: whatever a client POSTs with the right secret, the webhook
// never answers 5xx (Telegram would redeliver it and hold the chat's queue
// behind it) and never logs at error level; a real customer is still served.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandUpdate } from '../../support/telegramUpdates.ts';
import { fuzzedUpdate } from './support/fuzzedUpdates.ts';
import { TelegramHarness } from './support/telegramHarness.ts';
import { isDeliveredTo } from './support/telegramUser.ts';

const CUSTOMER = 90_001;
const ERROR_LEVEL = 50;

let harness: TelegramHarness;

beforeAll(async () => {
  harness = await TelegramHarness.start({ webhook: true, captureLogs: true });
});

afterAll(async () => {
  await harness.stop();
});

describe('Telegram webhook under fuzzed updates', () => {
  it('acknowledges every update without a server error or an error log, then serves a real customer', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fuzzedUpdate, async (update) => {
        const response = await harness.postToWebhook(update);
        statuses.add(response.status);
        expect(response.status, JSON.stringify(update)).toBeLessThan(500);
      }),
      // Bounded: thousands of runs, cut short (not failed) on a slow machine.
      { numRuns: 3000, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: false },
    );

    const errors = harness.logs.filter((line) => line.level >= ERROR_LEVEL).map((line) => line.raw);
    expect(errors).toEqual([]);
    expect(statuses).toContain(200);
    const welcome = await harness.postToWebhook(
      commandUpdate(CUSTOMER, '/start', undefined, { withUpdateId: 2 ** 31 }),
    );
    expect(welcome.status).toBe(200);
    const replies = harness.fake.calls.filter((call) => isDeliveredTo(call, CUSTOMER));
    expect(replies.map((call) => call.payload.text)).toEqual([expect.stringMatching(/^Здравствуйте!/)]);
  }, 180_000);

  it('logs a dropped update at warn, naming the odd field and not its value', async () => {
    const response = await harness.postToWebhook({
      update_id: 77,
      message: { chat: { type: 'private' }, from: { id: 5, is_bot: false, first_name: 'Zoe' }, text: 'secret text' },
    });

    expect(response.status).toBe(200);
    const dropped = harness.logs.find((line) => line.updateId === 77);
    expect(dropped).toMatchObject({ level: 40, fields: ['message.chat.id'] });
    expect(dropped?.raw).not.toContain('secret text');
  });
});
