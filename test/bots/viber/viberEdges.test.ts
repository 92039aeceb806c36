// What reaches the Viber webhook that is not a well-formed callback, and what
// the logs keep of a whole Viber scenario: never a 5xx, never personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signViberBody } from '../../../bots/viber/verifyViberSignature.ts';
import { ViberHarness } from './support/viberHarness.ts';

const NAME = 'Зинаида';
const PHONE = '+37369777888';
const TYPED = 'Где мой подарок Зинаида 5521';

let harness: ViberHarness;

beforeAll(async () => {
  harness = await ViberHarness.start({ captureLogs: true });
});

afterAll(async () => {
  await harness.stop();
});

function postSigned(body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${harness.app.url}/viber/webhook`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'X-Viber-Content-Signature': signViberBody(body, harness.fake.authToken) },
    body,
  });
}

describe('the Viber webhook at its edges', () => {
  it.each([
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['null', 'null'],
    ['a message without a sender', '{"event":"message","message_token":1,"message":{"type":"text","text":"hi"}}'],
    [
      'a token that is no number',
      '{"event":"message","message_token":"abc","sender":{"id":"x"},"message":{"type":"text","text":"hi"}}',
    ],
    [
      'a sender id that is a number',
      '{"event":"message","message_token":2,"sender":{"id":5},"message":{"type":"text","text":"hi"}}',
    ],
    ['a receipt without a timestamp', '{"event":"delivered","message_token":3,"user_id":"x"}'],
    [
      'a picture without its URL',
      '{"event":"message","message_token":4,"sender":{"id":"x"},"message":{"type":"picture"}}',
    ],
    [
      'a sticker',
      '{"event":"message","message_token":5,"sender":{"id":"x"},"message":{"type":"sticker","sticker_id":40133}}',
    ],
  ])('answers %s, signed, with 200 or 400 and changes nothing', async (_case, body) => {
    const response = await postSigned(body);

    expect([200, 400]).toContain(response.status);
    expect(await harness.prisma.processedUpdate.count()).toBe(0);
  });

  it('answers a signed body of another content type like any other', async () => {
    const response = await postSigned('{"event":"webhook","timestamp":1}', 'text/plain');

    expect(response.status).toBe(200);
  });

  it('writes no name, phone, typed text or token in any log line of a whole scenario', async () => {
    const zina = harness.user('ZiNa0000000000000A=', { name: NAME });
    await zina.opens();
    await zina.taps('Согласен(на)');
    await zina.types(NAME);
    await zina.sharesPhone(PHONE);
    await zina.types('14.03');
    await zina.types(TYPED);
    await harness.fake.deliver({
      event: 'message',
      message_token: harness.fake.token(),
      sender: { id: 'x', name: NAME },
    });

    const lines = harness.logs.map((line) => line.raw);
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [NAME, PHONE, PHONE.slice(1), TYPED, harness.fake.authToken])
      expect(
        lines.filter((line) => line.includes(secret)),
        secret,
      ).toEqual([]);
  });
});
