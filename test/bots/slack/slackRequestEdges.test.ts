// Slack's edges: what reaches /slack/events from someone who is not Slack,
// or from Slack long ago. The real Bolt app over loopback HTTP, as in
// staffDesk.test.ts; every refusal changes nothing.
import { offerPayload } from '../../../core/understanding/offerTicket.ts';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import {
  blockActions,
  eventCallback,
  messageEvent,
  postToApp,
  signedRequest,
  slashCommand,
} from '../../support/slackRequests.ts';
import { registerMember } from '../telegram/support/registerMember.ts';
import type { TelegramUser } from '../telegram/support/telegramUser.ts';
import { DeskHarness, MARIA, SIGNING_SECRET, STAFF_CHANNEL } from './support/deskHarness.ts';

const en = createTranslator().forLocale('en');
const MIB = 1024 * 1024;

let desk: DeskHarness;
let anna: TelegramUser;

beforeEach(async () => {
  desk = await DeskHarness.start();
  anna = desk.telegram.user(1001, { firstName: 'Анна', languageCode: 'ru' });
  await registerMember(anna);
});

afterEach(async () => {
  await desk.stop();
});

async function annaComplains(): Promise<string> {
  await anna.types('Хочу пожаловаться: кофе был холодный');
  await anna.presses(offerPayload.yes);
  const [message] = await desk.ticketMessages();
  return message!.ts;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('the age of a request', () => {
  it('refuses a correctly signed request dated more than five minutes ahead with 401, and changes nothing', async () => {
    const ts = await annaComplains();
    const body = eventCallback({
      event: messageEvent({ channel: STAFF_CHANNEL, user: MARIA.id, text: 'from tomorrow', threadTs: ts }),
    });
    const response = await desk.post(body, { timestamp: nowSeconds() + 24 * 60 * 60 });
    expect(response.status).toBe(401);
    const justAhead = await desk.post(body, { timestamp: nowSeconds() + 6 * 60 });
    expect(justAhead.status).toBe(401);
    expect(await desk.prisma.ticketMessage.count({ where: { author: 'staff' } })).toBe(0);
    expect(anna.transcript.some((text) => text.includes('from tomorrow'))).toBe(false);
  });

  it('accepts a request whose clock is a little ahead, within the window', async () => {
    const ts = await annaComplains();
    const response = await desk.post(
      eventCallback({
        event: messageEvent({ channel: STAFF_CHANNEL, user: MARIA.id, text: 'Уже смотрю', threadTs: ts }),
      }),
      { timestamp: nowSeconds() + 60 },
    );
    expect(response.status).toBe(200);
    const [answer] = await anna.nextReplies(1);
    expect(answer?.text).toContain('Уже смотрю');
  });
});

describe('a request sent again', () => {
  it('refuses a /loyalty request presented a second time with 401, and shows no member in the answer', async () => {
    await annaComplains();
    const captured = signedRequest(
      SIGNING_SECRET,
      slashCommand({
        command: '/loyalty',
        text: '+37369123456',
        userId: MARIA.id,
        channelId: STAFF_CHANNEL,
        responseUrl: desk.slack.responseUrl(),
      }),
    );
    const first = await postToApp(desk.eventsUrl, captured);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).text).toContain(en('desk.lookUp.member', { name: 'Анна' }));

    const replayed = await postToApp(desk.eventsUrl, captured);
    expect(replayed.status).toBe(401);
    expect(replayed.body).not.toContain('Анна');
  });

  it('refuses a replayed button press, so a ticket taken once is not taken again', async () => {
    const ts = await annaComplains();
    const ticket = await desk.prisma.ticket.findFirstOrThrow();
    const captured = signedRequest(
      SIGNING_SECRET,
      blockActions({
        user: MARIA.id,
        channel: STAFF_CHANNEL,
        messageTs: ts,
        actionId: deskPayload.take(ticket.id),
        value: deskPayload.take(ticket.id),
        responseUrl: desk.slack.responseUrl(),
      }),
    );
    expect((await postToApp(desk.eventsUrl, captured)).status).toBe(200);
    expect((await postToApp(desk.eventsUrl, captured)).status).toBe(401);
    expect(desk.slack.responses).toHaveLength(0);
  });

  it('still accepts Slack’s own retry of an event, which is signed anew', async () => {
    const ts = await annaComplains();
    const body = eventCallback({
      event: messageEvent({ channel: STAFF_CHANNEL, user: MARIA.id, text: 'Один ответ', threadTs: ts }),
      eventId: 'Ev0RETRY',
    });
    expect((await desk.post(body, { timestamp: nowSeconds() - 1 })).status).toBe(200);
    expect((await desk.post(body, { timestamp: nowSeconds(), retryNum: 1 })).status).toBe(200);
    await anna.nextReplies(1);
    expect(await desk.prisma.ticketMessage.count({ where: { author: 'staff' } })).toBe(1);
  });
});

describe('the size of a request', () => {
  it('answers 413 to a declared 2 MiB body as soon as its headers arrive, without waiting for the body', async () => {
    const { status } = await sendPartially(desk.eventsUrl, { declaredLength: 2 * MIB, sent: 16 * 1024 });
    expect(status).toBe(413);
  });

  it('answers 413 to a chunked body once it passes 1 MiB, without waiting for the rest', async () => {
    const { status } = await sendPartially(desk.eventsUrl, { sent: MIB + 256 * 1024 });
    expect(status).toBe(413);
  });

  it('answers 413 before it looks at the signature, and changes nothing', async () => {
    const ts = await annaComplains();
    const text = 'x'.repeat(2 * MIB);
    const response = await desk.post(
      eventCallback({ event: messageEvent({ channel: STAFF_CHANNEL, user: MARIA.id, text, threadTs: ts }) }),
    );
    expect(response.status).toBe(413);
    expect(await desk.prisma.ticketMessage.count({ where: { author: 'staff' } })).toBe(0);
  });
});

/**
 * Writes the request line, the headers and only `sent` bytes of the body
 * (never its end), then waits for the status line: an answer proves the
 * server did not wait for the whole body. A server that waits for the rest
 * says nothing; after a generous pause that counts as no answer (status 0).
 */
function sendPartially(url: string, options: { declaredLength?: number; sent: number }): Promise<{ status: number }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('error', reject);
    socket.setTimeout(10_000, () => {
      socket.destroy();
      resolve({ status: 0 });
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (!status) return;
      socket.destroy();
      resolve({ status: Number(status[1]) });
    });
    const framing =
      options.declaredLength === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${options.declaredLength}`;
    socket.write(
      `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`,
    );
    const body = Buffer.alloc(options.sent, 'x');
    socket.write(
      options.declaredLength === undefined
        ? Buffer.concat([Buffer.from(`${options.sent.toString(16)}\r\n`), body, Buffer.from('\r\n')])
        : body,
    );
  });
}
