// The Viber stand-in speaks Viber's wire format: HTTP 200 with a status in
// the body, 64-bit tokens as bare JSON numbers, the webhook check on set_webhook.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyViberSignature } from '../../bots/viber/verifyViberSignature.ts';
import { startFakeViberApi, type FakeViberApi } from './fakeViberApi.ts';

let fake: FakeViberApi;

beforeEach(async () => {
  fake = await startFakeViberApi();
});

afterEach(async () => {
  await fake.close();
});

const post = (endpoint: string, body: object, token = fake.authToken) =>
  fetch(`${fake.apiUrl}/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Viber-Auth-Token': token },
    body: JSON.stringify(body),
  });

/** A webhook on loopback that answers `status` and keeps what it was sent. */
async function webhook(status: number) {
  const received: { body: string; signature: string | undefined }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body, signature: req.headers['x-viber-content-signature'] as string | undefined });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/viber/webhook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the Viber stand-in', () => {
  it('answers a wrong token with HTTP 200 and status 2', async () => {
    const response = await post('get_account_info', {}, 'wrong');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 2, status_message: 'invalidAuthToken' });
  });

  it('calls the URL with a signed webhook event before set_webhook answers, and sets it only on 200', async () => {
    const good = await webhook(200);
    const bad = await webhook(500);

    const set = await (await post('set_webhook', { url: good.url })).json();
    const refused = await (await post('set_webhook', { url: bad.url })).json();

    expect(set).toMatchObject({ status: 0 });
    expect(refused).toMatchObject({ status: 1 });
    const [check] = good.received;
    expect(JSON.parse(check!.body)).toMatchObject({ event: 'webhook' });
    expect(verifyViberSignature(Buffer.from(check!.body), check!.signature, fake.authToken)).toBe(true);
    expect(fake.webhookUrl).toBe(good.url);
    await Promise.all([good.close(), bad.close()]);
  });

  it('writes message tokens as bare 64-bit integers, beyond double precision', async () => {
    const hook = await webhook(200);
    await post('set_webhook', { url: hook.url });
    fake.personWrote('anna');

    const raw = await (
      await post('send_message', { receiver: 'anna', sender: { name: 'Cafe' }, type: 'text', text: 'hi' })
    ).text();

    expect(raw).toMatch(/"message_token":\d{19}[,}]/);
    await hook.close();
  });

  it('refuses a receiver who never wrote (5), and one who unsubscribed (6)', async () => {
    const hook = await webhook(200);
    await post('set_webhook', { url: hook.url });
    fake.personWrote('boris');
    fake.unsubscribe('boris');
    const send = (receiver: string) =>
      post('send_message', { receiver, sender: { name: 'Cafe' }, type: 'text', text: 'hi' }).then((r) => r.json());

    expect(await send('nobody')).toMatchObject({ status: 5 });
    expect(await send('boris')).toMatchObject({ status: 6 });
    await hook.close();
  });
});
