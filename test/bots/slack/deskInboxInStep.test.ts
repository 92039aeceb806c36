// The desk inbox (REST API) and the Slack desk on one deployment stay in
// step: what is written in one shows in the other. Telegram through the fake
// Bot API, Slack through the fake Web API, the API over loopback HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { offerPayload } from '../../../core/understanding/offerTicket.ts';
import { registerMember } from '../telegram/support/registerMember.ts';
import type { TelegramUser } from '../telegram/support/telegramUser.ts';
import { DeskHarness, MARIA, STAFF_CHANNEL } from './support/deskHarness.ts';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ADMIN_TOKEN = 'desk-inbox-admin-token-0123456789abcdef';
const translator = createTranslator();
const ru = translator.forLocale('ru');
const en = translator.forLocale('en');
/** The first bytes of a JPEG file, as Telegram serves a photo. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

let desk: DeskHarness;
let anna: TelegramUser;

beforeEach(async () => {
  desk = await DeskHarness.start({ ADMIN_TOKEN });
  anna = desk.telegram.user(1001, { firstName: 'Анна', languageCode: 'ru' });
  await registerMember(anna);
});

afterEach(async () => {
  await desk.stop();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${desk.telegram.app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Anna complains from Telegram; returns the ticket's id and the ts of its message in the staff channel. */
async function annaComplains(): Promise<{ id: string; ts: string }> {
  await anna.types('Хочу пожаловаться: кофе был холодный');
  await anna.presses(offerPayload.yes);
  const [message] = await desk.ticketMessages();
  const ticket = await desk.prisma.ticket.findFirstOrThrow();
  return { id: ticket.id, ts: message!.ts };
}

describe('the desk inbox beside Slack', () => {
  it('sends an API reply to the Telegram customer and shows it in the Slack thread', async () => {
    const { id, ts } = await annaComplains();
    const reply = await call('POST', `/api/v1/tickets/${id}/replies`, { text: 'Простите! Кофе за наш счёт.' });
    expect(reply.status).toBe(201);
    const [answer] = await anna.nextReplies(1);
    expect(answer?.text).toBe(ru('desk.staffReplyAnonymous', { text: 'Простите! Кофе за наш счёт.' }));
    const [post] = await desk.thread(ts, 1);
    expect(post?.text).toBe(`${en('desk.thread.inboxReply', { name: 'Administrator' })}\n>Простите! Кофе за наш счёт.`);
  });

  it('shows an API note in the Slack thread and never to the customer', async () => {
    const { id, ts } = await annaComplains();
    await call('POST', `/api/v1/tickets/${id}/replies`, { text: 'Постоянная клиентка', note: true });
    const [post] = await desk.thread(ts, 1);
    expect(post?.text).toBe(`${en('desk.thread.inboxNote', { name: 'Administrator' })}\n>Постоянная клиентка`);
    await call('POST', `/api/v1/tickets/${id}/replies`, { text: 'Здравствуйте!' });
    // The next thing Anna hears is the reply: the note went nowhere near her.
    const [next] = await anna.nextReplies(1);
    expect(next?.text).toBe(ru('desk.staffReplyAnonymous', { text: 'Здравствуйте!' }));
    expect(anna.transcript.join('\n')).not.toContain('Постоянная клиентка');
  });

  it('shows a Slack thread reply, and who took the ticket in Slack, in the API', async () => {
    const { id, ts } = await annaComplains();
    await desk.press(MARIA.id, ts, deskPayload.take(id));
    await anna.nextReplies(1);
    await desk.replyInThread(MARIA.id, ts, 'Здравствуйте, Анна!');
    await anna.nextReplies(1);
    const { body } = await call('GET', `/api/v1/tickets/${id}`);
    expect(body.ticket).toMatchObject({ status: 'taken', assignee: { id: MARIA.id, name: 'Maria' } });
    expect(body.messages.map((m: Json) => [m.author, m.by?.name ?? null, m.text])).toEqual([
      ['customer', null, 'Хочу пожаловаться: кофе был холодный'],
      ['staff', 'Maria', 'Здравствуйте, Анна!'],
    ]);
    const take = await call('POST', `/api/v1/tickets/${id}/take`);
    expect([take.status, take.body.type]).toEqual([409, '/api/problems/ticket-taken']);
    expect(take.body.detail).toContain('Maria');
  });

  it('serves the customer’s photo to the inbox, fetched from Telegram', async () => {
    const { id, ts } = await annaComplains();
    await anna.sendsPhoto(0);
    await desk.thread(ts, 1);
    const { body } = await call('GET', `/api/v1/tickets/${id}`);
    const withPhoto = body.messages.find((m: Json) => m.photoUrl !== null);
    expect(withPhoto?.photoUrl).toMatch(new RegExp(`^/api/v1/tickets/${id}/photos/`));
    const stored = await desk.prisma.ticketMessage.findFirstOrThrow({ where: { photoFileId: { not: null } } });
    desk.telegram.fake.setFile(stored.photoFileId!, JPEG);
    const photo = await fetch(`${desk.telegram.app.url}${withPhoto.photoUrl}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(JPEG);
    // Behind the admin token like every other desk route.
    expect((await fetch(`${desk.telegram.app.url}${withPhoto.photoUrl}`)).status).toBe(401);
    expect(desk.slack.thread(STAFF_CHANNEL, ts).length).toBeGreaterThanOrEqual(1);
  });
});
