// Webhook mode: PUBLIC_URL and a secret are configured, so Telegram POSTs
// updates to the application, which answers through the fake Bot API.
// grammY's webhook handler replies to the POST only after the update has been
// handled, so once the response is in, every effect of the update is visible.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandUpdate } from '../../support/telegramUpdates.ts';
import { PUBLIC_URL, TelegramHarness, WEBHOOK_SECRET } from './support/telegramHarness.ts';
import { isDeliveredTo } from './support/telegramUser.ts';

const ANNA = 2001;

let harness: TelegramHarness;

beforeEach(async () => {
  harness = await TelegramHarness.start({ webhook: true });
});

afterEach(async () => {
  await harness.stop();
});

const start = (updateId: number) => commandUpdate(ANNA, '/start', undefined, { withUpdateId: updateId });
const messagesTo = (chatId: number) => harness.fake.calls.filter((call) => isDeliveredTo(call, chatId));

describe('Telegram webhook', () => {
  it('registers the webhook at the public URL with the secret token, and does not poll', async () => {
    const [setWebhook] = harness.fake.callsTo('setWebhook');

    expect(setWebhook?.payload).toMatchObject({ url: `${PUBLIC_URL}/telegram/webhook`, secret_token: WEBHOOK_SECRET });
    expect(harness.fake.callsTo('getUpdates')).toEqual([]);
  });

  it('answers an update POSTed with the right secret', async () => {
    const response = await harness.postToWebhook(start(1));

    expect(response.status).toBe(200);
    expect(messagesTo(ANNA)).toHaveLength(1);
    expect(messagesTo(ANNA)[0]?.payload.text).toMatch(/^Здравствуйте!/);
  });

  it.each([
    ['without the secret header', null],
    ['with a wrong secret', 'guessed-secret'],
  ])('refuses a POST %s with 401 and changes nothing', async (_case, secret) => {
    const callsBefore = harness.fake.calls.length;
    const response = await harness.postToWebhook(start(2), { secret });

    expect(response.status).toBe(401);
    expect(harness.fake.calls).toHaveLength(callsBefore);
    expect(await harness.prisma.processedUpdate.count()).toBe(0);
    expect(await harness.prisma.chat.count()).toBe(0);
  });

  it('checks the secret before it reads the body: a stranger’s malformed body gets 401, not 400', async () => {
    const response = await fetch(`${harness.app.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'guessed-secret' },
      body: '{"update_id": 6, "message": {',
    });

    expect(response.status).toBe(401);
  });

  it('has no second effect when Telegram delivers the same update twice', async () => {
    const first = await harness.postToWebhook(start(3));
    const again = await harness.postToWebhook(start(3));

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(messagesTo(ANNA)).toHaveLength(1);
    expect(await harness.prisma.processedUpdate.findMany({ select: { channel: true, updateId: true } })).toEqual([
      { channel: 'telegram', updateId: '3' },
    ]);
  });

  it('has no second effect when both deliveries of an update arrive at the same moment', async () => {
    const responses = await Promise.all([harness.postToWebhook(start(4)), harness.postToWebhook(start(4))]);

    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(messagesTo(ANNA)).toHaveLength(1);
    expect(await harness.prisma.processedUpdate.count()).toBe(1);
  });

  it('rejects a malformed JSON body with a client error and answers nothing', async () => {
    const response = await harness.postToWebhook('{"update_id": 5, "message": {', { raw: true });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(messagesTo(ANNA)).toEqual([]);
    expect(await harness.prisma.processedUpdate.count()).toBe(0);
  });

  // A 5xx makes Telegram deliver the same body again and is logged as our fault.
  it('rejects a JSON body that is no update object with a client error, not a server error', async () => {
    const response = await harness.postToWebhook('null', { raw: true });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('Telegram webhook behind a public URL with a path', () => {
  // README: "the app registers PUBLIC_URL/telegram/webhook", e.g. behind a reverse proxy at /loyalty.
  it('registers the webhook under that path', async () => {
    const prefixed = await TelegramHarness.start({ webhook: true, env: { PUBLIC_URL: `${PUBLIC_URL}/loyalty` } });
    try {
      const [setWebhook] = prefixed.fake.callsTo('setWebhook');

      expect(setWebhook?.payload.url).toBe(`${PUBLIC_URL}/loyalty/telegram/webhook`);
    } finally {
      await prefixed.stop();
    }
  });
});
