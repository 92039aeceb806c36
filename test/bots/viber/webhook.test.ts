// The Viber webhook through real HTTP: the stand-in registers it (calling it
// back with the `webhook` check), signs every callback, and receives what
// the application sends with send_message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationStarted, messageCallback, toWireJson } from '../../support/viberCallbacks.ts';
import { signViberBody } from '../../../bots/viber/verifyViberSignature.ts';
import { ViberHarness, VIBER_BOT_NAME } from './support/viberHarness.ts';

let harness: ViberHarness;

beforeEach(async () => {
  harness = await ViberHarness.start();
});

afterEach(async () => {
  await harness.stop();
});

const ANNA = 'AnNa01234567890A=';

describe('Viber webhook', () => {
  it('registers the webhook at PUBLIC_URL, and Viber’s check call gets 200', async () => {
    const [setWebhook] = harness.fake.callsTo('set_webhook');

    expect(setWebhook?.body).toMatchObject({ url: `${harness.app.url}/viber/webhook` });
    expect(setWebhook?.body.event_types).toEqual(
      expect.arrayContaining(['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started']),
    );
    expect(harness.fake.webhookCheck).toEqual({ status: 200 });
    expect(harness.fake.webhookUrl).toBe(`${harness.app.url}/viber/webhook`);
  });

  it('welcomes a person who opens the chat with one message in the response body, in their Viber language, with the consent buttons', async () => {
    const { response, welcome } = await harness.user(ANNA, { language: 'en' }).opens();

    expect(response.status).toBe(200);
    expect(welcome?.text).toMatch(/^Hello!/);
    expect(welcome?.buttons.map((b) => b.Text)).toEqual(expect.arrayContaining(['I agree', 'No, thanks']));
    expect(harness.fake.callsTo('send_message')).toEqual([]);
    expect(await harness.prisma.chat.count()).toBe(0);
  });

  it('puts the sender and no receiver on the welcome', async () => {
    const body = toWireJson(
      conversationStarted({ id: ANNA, name: 'Anna', language: 'ru', api_version: 10 }, harness.fake.token()),
    );
    const response = await fetch(`${harness.app.url}/viber/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Viber-Content-Signature': signViberBody(body, harness.fake.authToken),
      },
      body,
    });
    const welcome = (await response.json()) as Record<string, unknown>;

    expect(welcome.sender).toEqual({ name: VIBER_BOT_NAME });
    expect(welcome).not.toHaveProperty('receiver');
    expect(welcome.type).toBe('text');
  });

  it.each([
    ['without a signature', null],
    ['with a forged signature', 'ab'.repeat(32)],
    ['with a signature that is not hex', 'not-a-signature'],
  ])('refuses a callback %s with 401 and changes nothing', async (_case, signature) => {
    const anna = harness.user(ANNA);
    harness.fake.personWrote(ANNA);
    const response = await harness.fake.deliver(
      messageCallback(anna.profile, harness.fake.token(), { type: 'text', text: 'hello' }),
      { signature },
    );

    expect(response.status).toBe(401);
    expect(harness.fake.callsTo('send_message')).toEqual([]);
    expect(await harness.prisma.processedUpdate.count()).toBe(0);
  });

  it('answers a signed body that is not JSON with 400, not 5xx', async () => {
    const body = '{"event": "message", ';
    const response = await fetch(`${harness.app.url}/viber/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Viber-Content-Signature': signViberBody(body, harness.fake.authToken),
      },
      body,
    });

    expect(response.status).toBe(400);
  });

  it('acknowledges and drops a signed callback it does not know, changing nothing', async () => {
    const response = await harness.fake.deliver({
      event: 'client_status',
      timestamp: 1,
      message_token: harness.fake.token(),
    });

    expect(response.status).toBe(200);
    expect(await harness.prisma.processedUpdate.count()).toBe(0);
  });

  it('answers a message with send_message, with the sender name', async () => {
    const replies = await harness.user(ANNA).types('hello');

    expect(replies).toHaveLength(1);
    expect(replies[0]?.call?.body.sender).toEqual({ name: VIBER_BOT_NAME });
    expect(replies[0]?.text).toMatch(/^Здравствуйте!/);
  });

  it('leaves unanswered the address Viber sends back for a pressed link, and answers a link among words', async () => {
    const anna = harness.user(ANNA);

    expect(await anna.types('https://shop.example/spring?from=bot')).toEqual([]);
    expect(await harness.prisma.processedUpdate.count()).toBe(0);
    expect(await anna.types('what is https://shop.example/spring?')).toHaveLength(1);
  });

  it('has no second effect when Viber delivers the same message twice', async () => {
    const anna = harness.user(ANNA);
    const token = harness.fake.token();
    await anna.sends({ type: 'text', text: 'hello' }, token);
    const again = await anna.sends({ type: 'text', text: 'hello' }, token);

    expect(again).toEqual([]);
    expect(await harness.prisma.processedUpdate.count()).toBe(1);
  });

  it('keeps 64-bit message tokens exact: two tokens that differ only beyond double precision are two messages', async () => {
    const anna = harness.user(ANNA);
    const first = 4912661846655238145n;
    const second = 4912661846655238146n;
    expect(Number(first)).toBe(Number(second));

    const one = await anna.sends({ type: 'text', text: 'hello' }, first);
    const two = await anna.sends({ type: 'text', text: 'hello again' }, second);

    expect([one.length, two.length]).toEqual([1, 1]);
    const ids = await harness.prisma.processedUpdate.findMany({
      select: { updateId: true },
      orderBy: { updateId: 'asc' },
    });
    expect(ids.map((row) => row.updateId)).toEqual(['4912661846655238145', '4912661846655238146']);
  });
});
