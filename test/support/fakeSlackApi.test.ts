// Proves the Slack stand-in speaks the Web API's wire format: the real
// WebClient from @slack/web-api runs against it unchanged, and the request
// builders produce what Bolt's own signature check accepts.
import { ErrorCode, LogLevel, WebClient, type ConversationsMembersResponse, type WebClientOptions } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './fakeSlackApi.ts';

const STAFF = 'C0STAFF001';
/** Every byte value, plus sequences a naive multipart parser would trip over. */
const PHOTO_BYTES = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\r\n--\r\n\r\n')]);

let fake: FakeSlackApi;
let client: WebClient;

function clientFor(options: WebClientOptions = {}): WebClient {
  return new WebClient(fake.token, { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 }, ...options });
}

beforeEach(async () => {
  fake = await FakeSlackApi.start();
  client = clientFor();
});

afterEach(async () => {
  await fake.close();
});

describe('fake Slack Web API with the real WebClient', () => {
  it('answers auth.test with the bot identity and refuses a foreign token', async () => {
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true, user_id: fake.botUserId, bot_id: fake.botId, team_id: fake.identity.teamId });
    const stranger = new WebClient('xoxb-wrong', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    await expect(stranger.auth.test()).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: 'invalid_auth' } });
    expect(fake.callsTo('auth.test').map((call) => call.token)).toEqual([fake.token, 'xoxb-wrong']);
  });

  it('posts a card, threads replies under it, broadcasts one and updates the card', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Анна*: где мои баллы?' } }];
    const card = await client.chat.postMessage({ channel: STAFF, text: 'New ticket', blocks });
    const cardTs = card.ts ?? '';
    const reply = await client.chat.postMessage({ channel: STAFF, thread_ts: cardTs, text: 'Клиент: спасибо' });
    // Slack files a reply to a reply under the thread's parent.
    await client.chat.postMessage({ channel: STAFF, thread_ts: reply.ts ?? '', text: 'Closed', reply_broadcast: true });
    const updated = await client.chat.update({ channel: STAFF, ts: cardTs, text: 'Ticket closed' });

    expect(card).toMatchObject({ ok: true, channel: STAFF, message: { user: fake.botUserId, bot_id: fake.botId, text: 'New ticket', blocks } });
    expect(card.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(reply.ts)).toBeGreaterThan(Number(card.ts));
    expect(reply.message?.thread_ts).toBe(card.ts);
    expect(updated).toMatchObject({ ok: true, channel: STAFF, ts: card.ts, text: 'Ticket closed' });
    expect(fake.messages(STAFF).map((m) => m.text)).toEqual(['Ticket closed', 'Closed']);
    expect(fake.thread(STAFF, card.ts ?? '').map((m) => m.text)).toEqual(['Клиент: спасибо', 'Closed']);
    expect(fake.callsTo('chat.postMessage')[0]?.args).toMatchObject({ channel: STAFF, blocks });
  });

  it('answers chat.update of an unknown message with message_not_found', async () => {
    await expect(client.chat.update({ channel: STAFF, ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'message_not_found' },
    });
    expect(fake.callsTo('chat.update')[0]?.rejectedWith).toBe('message_not_found');
  });

  it('records an ephemeral for its user', async () => {
    const sent = await client.chat.postEphemeral({ channel: STAFF, user: 'U0AGENT01', text: 'Only you see this' });
    expect(sent.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(fake.ephemerals).toEqual([{ channel: STAFF, user: 'U0AGENT01', text: 'Only you see this', message_ts: sent.message_ts }]);
  });

  it('pages conversations.members with a cursor and answers users.info from registered users', async () => {
    fake.setChannelMembers(STAFF, ['U01', 'U02', 'U03', 'U04', 'U05']);
    fake.addUser({ id: 'U01', firstName: 'Мария', realName: 'Мария Иванова', displayName: 'masha' });
    const pages: string[][] = [];
    for await (const page of client.paginate('conversations.members', { channel: STAFF, limit: 2 })) {
      pages.push((page as ConversationsMembersResponse).members ?? []);
    }
    expect(pages).toEqual([['U01', 'U02'], ['U03', 'U04'], ['U05']]);

    const { user } = await client.users.info({ user: 'U01' });
    expect(user).toMatchObject({ id: 'U01', real_name: 'Мария Иванова', profile: { first_name: 'Мария', real_name: 'Мария Иванова', display_name: 'masha' } });
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(client.conversations.members({ channel: 'C0NOWHERE' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('takes a filesUploadV2 into a thread: bytes readable, share posted as a reply', async () => {
    const card = await client.chat.postMessage({ channel: STAFF, text: 'Ticket' });
    const result = await client.filesUploadV2({
      channel_id: STAFF,
      thread_ts: card.ts ?? '',
      file: PHOTO_BYTES,
      filename: 'photo.jpg',
      initial_comment: 'Фото от клиента',
    });

    const fileId = fake.callsTo('files.completeUploadExternal')[0]?.args.files as Array<{ id: string }>;
    const uploaded = fake.uploadedFile(fileId[0]?.id ?? '');
    expect(uploaded?.bytes?.equals(PHOTO_BYTES)).toBe(true);
    expect(uploaded).toMatchObject({ filename: 'photo.jpg', length: PHOTO_BYTES.length, channel: STAFF, threadTs: card.ts });
    expect(result).toMatchObject({ ok: true, files: [{ ok: true, files: [{ id: uploaded?.id, title: 'photo.jpg' }] }] });
    const [share] = fake.thread(STAFF, card.ts ?? '');
    expect(share).toMatchObject({ text: 'Фото от клиента', files: [{ id: uploaded?.id, name: 'photo.jpg', mimetype: 'image/jpeg' }] });
    expect(fake.messages(STAFF)).toHaveLength(1);
  });

  it('serves a hosted file at url_private only with the bot token', async () => {
    const file = fake.hostFile({ name: 'receipt.png', bytes: PHOTO_BYTES, user: 'U0AGENT01' });
    const withToken = await fetch(file.url_private, { headers: { authorization: `Bearer ${fake.token}` } });
    expect(Buffer.from(await withToken.arrayBuffer()).equals(PHOTO_BYTES)).toBe(true);
    const anonymous = await fetch(file.url_private);
    expect(anonymous.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('records an unknown method and answers unknown_method', async () => {
    await expect(client.apiCall('chat.fly', { channel: STAFF })).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    expect(fake.callsTo('chat.fly')).toMatchObject([{ args: { channel: STAFF }, rejectedWith: 'unknown_method' }]);
  });

  it('accepts application/json bodies like form-encoded ones', async () => {
    const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${fake.token}` },
      body: JSON.stringify({ channel: STAFF, text: 'json', unfurl_links: false }),
    });
    await expect(response.json()).resolves.toMatchObject({ ok: true, channel: STAFF, message: { text: 'json' } });
    expect(fake.callsTo('chat.postMessage')[0]?.args).toEqual({ channel: STAFF, text: 'json', unfurl_links: false });
  });

  it('names the calls it saw when waitForCalls times out', async () => {
    await client.chat.postMessage({ channel: STAFF, text: 'hi' });
    await expect(fake.waitForCalls('chat.update', { timeoutMs: 50 })).rejects.toThrow(/chat\.update[\s\S]*chat\.postMessage channel=C0STAFF001 "hi"/);
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After, which WebClient rejects as rate-limited when told to', async () => {
    const strict = clientFor({ rejectRateLimitedCalls: true });
    fake.rateLimitNext(1, 7);
    const error = await strict.chat.postMessage({ channel: STAFF, text: 'flood' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    await expect(strict.chat.postMessage({ channel: STAFF, text: 'after' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((call) => call.rejectedWith)).toEqual(['ratelimited', undefined]);
  });

  it('fails a method with a Slack error a given number of times', async () => {
    fake.failNext('chat.postMessage', 'not_in_channel', 2);
    await expect(client.chat.postMessage({ channel: STAFF, text: 'a' })).rejects.toMatchObject({ data: { ok: false, error: 'not_in_channel' } });
    await expect(client.chat.postMessage({ channel: STAFF, text: 'b' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(client.chat.postMessage({ channel: STAFF, text: 'c' })).resolves.toMatchObject({ ok: true });
    expect(fake.messages(STAFF).map((m) => m.text)).toEqual(['c']);
  });

  it('is down with 503 (an HTTP error) until up() again', async () => {
    fake.down();
    await expect(client.chat.postMessage({ channel: STAFF, text: 'lost' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    fake.up();
    await expect(client.chat.postMessage({ channel: STAFF, text: 'back' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((call) => call.rejectedWith)).toEqual(['service_unavailable', undefined]);
  });

  it('drops connections when down with reset (a request error)', async () => {
    fake.down('reset');
    await expect(client.chat.postMessage({ channel: STAFF, text: 'lost' })).rejects.toMatchObject({ code: ErrorCode.RequestError });
    fake.up();
    await expect(client.chat.postMessage({ channel: STAFF, text: 'back' })).resolves.toMatchObject({ ok: true });
  });
});
