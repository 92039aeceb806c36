// Proves the Slack stand-in speaks the Web API's wire format: the real
// WebClient from @slack/web-api runs against it unchanged, and the request
// builders produce what Bolt's own signature check accepts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, verifySlackRequest } from '@slack/bolt';
import {
  ErrorCode,
  LogLevel,
  WebClient,
  type ConversationsMembersResponse,
  type WebClientOptions,
} from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './fakeSlackApi.ts';
import {
  blockActions,
  botMessageEvent,
  eventCallback,
  messageEvent,
  postToApp,
  signedRequest,
  slashCommand,
  urlVerification,
  type SignedRequest,
} from './slackRequests.ts';

const STAFF = 'C0STAFF001';
/** Every byte value, plus sequences a naive multipart parser would trip over. */
const PHOTO_BYTES = Buffer.concat([
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('\r\n--\r\n\r\n'),
]);

let fake: FakeSlackApi;
let client: WebClient;

function clientFor(options: WebClientOptions = {}): WebClient {
  return new WebClient(fake.token, {
    slackApiUrl: fake.apiUrl,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 0 },
    ...options,
  });
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
    await expect(client.auth.test()).resolves.toMatchObject({
      ok: true,
      user_id: fake.botUserId,
      bot_id: fake.botId,
      team_id: fake.identity.teamId,
    });
    const stranger = new WebClient('xoxb-wrong', {
      slackApiUrl: fake.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 0 },
    });
    await expect(stranger.auth.test()).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'invalid_auth' },
    });
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

    expect(card).toMatchObject({
      ok: true,
      channel: STAFF,
      message: { user: fake.botUserId, bot_id: fake.botId, text: 'New ticket', blocks },
    });
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

  it('opens a modal once per trigger id, as slack.com: an unknown or used trigger and a bad view are refused', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'ask',
      private_metadata: 'entry-1',
      title: { type: 'plain_text' as const, text: 'Why?' },
      submit: { type: 'plain_text' as const, text: 'Send' },
      blocks: [
        {
          type: 'input',
          block_id: 'why',
          label: { type: 'plain_text' as const, text: 'Why' },
          element: { type: 'plain_text_input', action_id: 'why' },
        },
      ],
    };
    const trigger = fake.triggerFor('U0AGENT01');
    const opened = await client.views.open({ trigger_id: trigger, view });
    expect(opened.view).toMatchObject({ type: 'modal', callback_id: 'ask', private_metadata: 'entry-1' });
    expect(fake.views).toMatchObject([{ id: opened.view!.id, user: 'U0AGENT01', state: { values: {} } }]);
    const refusal = (error: string) => ({ code: ErrorCode.PlatformError, data: { error } });
    await expect(client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject(
      refusal('exchanged_trigger_id'),
    );
    await expect(client.views.open({ trigger_id: '123.456.abc', view })).rejects.toMatchObject(
      refusal('invalid_trigger_id'),
    );
    await expect(
      client.views.open({
        trigger_id: fake.triggerFor('U0AGENT01'),
        view: {
          ...view,
          submit: undefined,
          title: { type: 'plain_text', text: 'A title far longer than Slack allows' },
        },
      }),
    ).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: [
            '[ERROR] must be at most 24 characters [json-pointer:/view/title/text]',
            '[ERROR] must provide submit when there are input blocks [json-pointer:/view/submit]',
          ],
        },
      },
    });
  });

  it('records an ephemeral for its user', async () => {
    const sent = await client.chat.postEphemeral({ channel: STAFF, user: 'U0AGENT01', text: 'Only you see this' });
    expect(sent.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(fake.ephemerals).toEqual([
      { channel: STAFF, user: 'U0AGENT01', text: 'Only you see this', message_ts: sent.message_ts },
    ]);
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
    expect(user).toMatchObject({
      id: 'U01',
      real_name: 'Мария Иванова',
      profile: { first_name: 'Мария', real_name: 'Мария Иванова', display_name: 'masha' },
    });
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(client.conversations.members({ channel: 'C0NOWHERE' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
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
    expect(uploaded).toMatchObject({
      filename: 'photo.jpg',
      length: PHOTO_BYTES.length,
      channel: STAFF,
      threadTs: card.ts,
    });
    expect(result).toMatchObject({
      ok: true,
      files: [{ ok: true, files: [{ id: uploaded?.id, title: 'photo.jpg' }] }],
    });
    const [share] = fake.thread(STAFF, card.ts ?? '');
    expect(share).toMatchObject({
      text: 'Фото от клиента',
      files: [{ id: uploaded?.id, name: 'photo.jpg', mimetype: 'image/jpeg' }],
    });
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
    await expect(client.apiCall('chat.fly', { channel: STAFF })).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
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
    await expect(fake.waitForCalls('chat.update', { timeoutMs: 50 })).rejects.toThrow(
      /chat\.update[\s\S]*chat\.postMessage channel=C0STAFF001 "hi"/,
    );
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
    await expect(client.chat.postMessage({ channel: STAFF, text: 'a' })).rejects.toMatchObject({
      data: { ok: false, error: 'not_in_channel' },
    });
    await expect(client.chat.postMessage({ channel: STAFF, text: 'b' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    await expect(client.chat.postMessage({ channel: STAFF, text: 'c' })).resolves.toMatchObject({ ok: true });
    expect(fake.messages(STAFF).map((m) => m.text)).toEqual(['c']);
  });

  it('is down with 503 (an HTTP error) until up() again', async () => {
    fake.down();
    await expect(client.chat.postMessage({ channel: STAFF, text: 'lost' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 503,
    });
    fake.up();
    await expect(client.chat.postMessage({ channel: STAFF, text: 'back' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((call) => call.rejectedWith)).toEqual([
      'service_unavailable',
      undefined,
    ]);
  });

  it('drops connections when down with reset (a request error)', async () => {
    fake.down('reset');
    await expect(client.chat.postMessage({ channel: STAFF, text: 'lost' })).rejects.toMatchObject({
      code: ErrorCode.RequestError,
    });
    fake.up();
    await expect(client.chat.postMessage({ channel: STAFF, text: 'back' })).resolves.toMatchObject({ ok: true });
  });
});

describe('signed requests', () => {
  const SECRET = 'test-signing-secret';

  function verify(signed: SignedRequest): void {
    verifySlackRequest({
      signingSecret: SECRET,
      body: signed.body,
      headers: {
        'x-slack-signature': signed.headers['x-slack-signature'] as string,
        'x-slack-request-timestamp': Number(signed.headers['x-slack-request-timestamp']),
      },
    });
  }

  it("pass Bolt's verifySlackRequest when signed with the app's secret", () => {
    const body = eventCallback({ event: messageEvent({ channel: STAFF, user: 'U0AGENT01', text: 'hi' }) });
    expect(() => verify(signedRequest(SECRET, body))).not.toThrow();
    expect(() =>
      verify(
        signedRequest(
          SECRET,
          slashCommand({ command: '/loyalty', text: '+79990000000', userId: 'U0AGENT01', channelId: STAFF }),
        ),
      ),
    ).not.toThrow();
    expect(signedRequest(SECRET, body, { retryNum: 1 }).headers).toMatchObject({
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
  });

  it('fail it when the signature is wrong, the headers are missing or the timestamp is stale', () => {
    const body = urlVerification('challenge-1');
    expect(() => verify(signedRequest(SECRET, body, { tamper: 'wrong-signature' }))).toThrow(/signature mismatch/);
    expect(() => verify(signedRequest(SECRET, body, { tamper: 'missing-headers' }))).toThrow();
    expect(() => verify(signedRequest(SECRET, body, { tamper: 'stale' }))).toThrow(/stale/);
  });

  describe('delivered to a Bolt App that uses the fake Web API', () => {
    let app: App;
    let eventsUrl: string;
    const seen: string[] = [];

    beforeEach(async () => {
      seen.length = 0;
      app = new App({
        token: fake.token,
        signingSecret: SECRET,
        logLevel: LogLevel.ERROR,
        clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      });
      app.message(async ({ message, client: web }) => {
        if (!('user' in message) || !('thread_ts' in message)) return;
        seen.push(`message:${message.subtype ?? 'plain'}:${'text' in message ? message.text : ''}`);
        await web.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts ?? '', text: 'relayed' });
      });
      app.action('take', async ({ ack, action }) => {
        await ack();
        seen.push(`action:${'value' in action ? action.value : ''}`);
      });
      app.command('/loyalty', async ({ ack, command }) => {
        await ack();
        seen.push(`command:${command.text}`);
      });
      const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
      eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    });

    afterEach(async () => {
      await app.stop();
    });

    it('answers the url_verification challenge and refuses a forged request', async () => {
      await expect(postToApp(eventsUrl, signedRequest(SECRET, urlVerification('c-42')))).resolves.toMatchObject({
        status: 200,
        body: '{"challenge":"c-42"}',
      });
      const forged = await postToApp(
        eventsUrl,
        signedRequest(SECRET, urlVerification('c-43'), { tamper: 'wrong-signature' }),
      );
      expect(forged.status).toBe(401);
    });

    it('routes thread messages, button clicks and /loyalty; ignores its own messages', async () => {
      const parent = await new WebClient(fake.token, { slackApiUrl: fake.apiUrl }).chat.postMessage({
        channel: STAFF,
        text: 'Ticket',
      });
      const threadTs = parent.ts ?? '';
      const photo = fake.hostFile({ name: 'receipt.jpg', bytes: PHOTO_BYTES, user: 'U0AGENT01' });
      const deliver = (body: string) => postToApp(eventsUrl, signedRequest(SECRET, body));

      await deliver(
        eventCallback({ event: messageEvent({ channel: STAFF, user: 'U0AGENT01', text: 'Здравствуйте', threadTs }) }),
      );
      await deliver(
        eventCallback({
          event: messageEvent({ channel: STAFF, user: 'U0AGENT01', text: 'чек', threadTs, files: [photo] }),
        }),
      );
      await deliver(eventCallback({ event: botMessageEvent({ channel: STAFF, text: 'echo', threadTs }) }));
      await deliver(
        eventCallback({ event: botMessageEvent({ channel: STAFF, text: 'echo', threadTs, style: 'integration' }) }),
      );
      await deliver(
        blockActions({ user: 'U0AGENT01', channel: STAFF, messageTs: threadTs, actionId: 'take', value: 'ticket-7' }),
      );
      await deliver(slashCommand({ command: '/loyalty', text: '+79990000000', userId: 'U0AGENT01', channelId: STAFF }));

      await fake.waitForCalls((call) => call.method === 'chat.postMessage' && call.args.text === 'relayed', {
        count: 2,
      });
      // Bolt acknowledges events before its listeners run, so only the set is certain, not the order.
      expect([...seen].sort()).toEqual([
        'action:ticket-7',
        'command:+79990000000',
        'message:file_share:чек',
        'message:plain:Здравствуйте',
      ]);
      expect(fake.thread(STAFF, threadTs).map((m) => m.text)).toEqual(['relayed', 'relayed']);
      expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
    });
  });
});
