// The staff desk end to end: a member complains in Telegram, staff handle the
// ticket in a Slack thread (Bolt over loopback HTTP, the fake Web API behind
// it), and the answer, the resolution and the rating travel back.
import { offerPayload } from '../../../core/understanding/offerTicket.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { payload } from '../../../core/payloads.ts';
import { botMessageEvent, eventCallback, messageEvent } from '../../support/slackRequests.ts';
import { registerMember } from '../telegram/support/registerMember.ts';
import type { TelegramUser } from '../telegram/support/telegramUser.ts';
import { DeskHarness, ION, MARIA, STAFF_CHANNEL, STRANGER, waitUntil } from './support/deskHarness.ts';
import { ticketReference } from '../../../core/desk/ticketReference.ts';

const translator = createTranslator();
const ru = translator.forLocale('ru');
const en = translator.forLocale('en');

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

const blocksText = (message: { blocks?: unknown[] } | undefined) => JSON.stringify(message?.blocks ?? []);
const onlyTicket = () => desk.prisma.ticket.findFirstOrThrow();

/** Anna complains and the ticket's message reaches the staff channel; returns its ts. */
async function annaComplains(text = 'Хочу пожаловаться: кофе был холодный'): Promise<string> {
  const [offer] = await anna.types(text);
  expect(offer?.text).toBe(ru('understanding.offer.complaint'));
  const [confirmation] = await anna.presses(offerPayload.yes);
  expect(confirmation?.text).toBe(ru('desk.opened.complaint', { count: 5 }));
  const [message] = await desk.ticketMessages();
  return message!.ts;
}

describe('a complaint from Telegram to the staff thread and back', () => {
  it('posts one message with the member, the complaint and Take/Resolve, and relays later messages into its thread', async () => {
    const ts = await annaComplains();
    const [message] = await desk.ticketMessages();
    const card = blocksText(message);
    expect(card).toContain('Анна');
    expect(card).toContain('Хочу пожаловаться: кофе был холодный');
    // The whole channel reads the card: only the phone's last four digits are on it.
    expect(card).toContain('•••• 3456');
    expect(card).not.toContain('369123');
    expect(card).toContain(en('desk.channel.telegram'));
    expect(card).toContain('Русский');
    expect(card).toContain(en('points', { count: 100 }));
    const ticket = await onlyTicket();
    expect(card).toContain(deskPayload.take(ticket.id));
    expect(card).toContain(deskPayload.resolve(ticket.id));

    expect(await anna.types('И чек мне не пробили', 0)).toEqual([]);
    const [relayed] = await desk.thread(ts, 1);
    expect(relayed?.text).toBe(`${en('desk.thread.customer', { name: 'Анна' })}\n>И чек мне не пробили`);
    expect(desk.slack.messages(STAFF_CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts)).toHaveLength(1);
    // The bot stepped aside: nothing was answered to that message.
    expect(anna.transcript.at(-1)).toBe(ru('desk.opened.complaint', { count: 5 }));
  });

  it('relays a staff reply to Telegram with the first name, takes, resolves, and stores the rating and its comment', async () => {
    const ts = await annaComplains();
    const ticket = await onlyTicket();

    expect((await desk.press(MARIA.id, ts, deskPayload.take(ticket.id))).status).toBe(200);
    await desk.thread(ts, 1);
    expect(desk.slack.thread(STAFF_CHANNEL, ts)[0]?.text).toBe(en('desk.thread.taken', { name: 'Maria' }));
    await waitUntil(
      async () => blocksText(desk.slack.messages(STAFF_CHANNEL)[0]),
      (text) => text.includes(en('desk.status.taken', { name: 'Maria' })),
      'the card to show Maria',
    );

    // Anna learns that a person has her request…
    const [taken] = await anna.nextReplies(1);
    expect(taken?.text).toBe(ru('desk.takenBy', { name: 'Maria' }));
    expect((await desk.replyInThread(MARIA.id, ts, 'Простите! Мы вернём вам стоимость кофе.')).status).toBe(200);
    const [answer] = await anna.nextReplies(1);
    expect(answer?.text).toBe(
      ru('desk.staffReply', { name: 'Maria', text: 'Простите! Мы вернём вам стоимость кофе.' }),
    );

    await desk.press(MARIA.id, ts, deskPayload.resolve(ticket.id));
    const [ratingPrompt] = await anna.nextReplies(1);
    expect(ratingPrompt?.text).toBe(ru('desk.resolved'));
    expect(ratingPrompt?.buttons.flat().map((button) => button.data)).toEqual(
      [1, 2, 3, 4, 5].map((n) => payload.rate(ticket.id, n)),
    );

    const [thanks] = await anna.presses(payload.rate(ticket.id, 4));
    expect(thanks?.text).toBe(ru('desk.ratedAskComment'));
    const [commentThanks] = await anna.types('Быстро ответили, спасибо');
    expect(commentThanks?.text).toBe(ru('desk.commentThanks'));

    const stored = await waitUntil(
      () => onlyTicket(),
      (row) => row.ratingComment !== null,
      'the comment',
    );
    expect(stored).toMatchObject({
      status: 'resolved',
      assigneeId: MARIA.id,
      rating: 4,
      ratingComment: 'Быстро ответили, спасибо',
    });
    expect(stored.firstResponseAt).not.toBeNull();
    expect(stored.resolvedAt).not.toBeNull();
    // Staff's own reply is in the thread already (they wrote it there); the desk adds what happened around it.
    const thread = await desk.thread(ts, 4);
    expect(thread.map((post) => post.text)).toEqual([
      en('desk.thread.taken', { name: 'Maria' }),
      en('desk.thread.resolved', { name: 'Maria', duration: en('desk.minutes', { count: 0 }) }),
      en('desk.thread.rated', { name: 'Анна', rating: 4, stars: '★★★★☆' }),
      `${en('desk.thread.comment', { name: 'Анна' })}\n>Быстро ответили, спасибо`,
    ]);

    // The bot has the chat again.
    const [menu] = await anna.commands('/balance');
    expect(menu?.text).toContain(ru('balance.text', { points: ru('points', { count: 100 }) }));
  });

  it('keeps a note internal and never relays the bot’s own posts back (no loops)', async () => {
    const ts = await annaComplains();
    await desk.replyInThread(MARIA.id, ts, 'note: клиентка постоянная, дать скидку');
    // The desk's own post in the thread comes back as an event, as Slack sends it: it must not be relayed.
    await desk.post(
      eventCallback({
        event: botMessageEvent({
          channel: STAFF_CHANNEL,
          text: 'Анна wrote:',
          threadTs: ts,
          botId: desk.slack.botId,
          botUserId: desk.slack.botUserId,
        }),
      }),
    );
    await desk.replyInThread(MARIA.id, ts, 'Здравствуйте, Анна!');
    const [answer] = await anna.nextReplies(1);
    expect(answer?.text).toBe(ru('desk.staffReply', { name: 'Maria', text: 'Здравствуйте, Анна!' }));
    const messages = await desk.prisma.ticketMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ['customer', 'Хочу пожаловаться: кофе был холодный'],
      ['note', 'клиентка постоянная, дать скидку'],
      ['staff', 'Здравствуйте, Анна!'],
    ]);
  });

  it('relays a photo into the thread as an uploaded file', async () => {
    const ts = await annaComplains();
    const photo = Buffer.from('a photo of a cold coffee');
    desk.telegram.fake.setFile('photo-1280', photo);
    await anna.sendsPhoto(0);
    await desk.slack.waitForCalls('files.completeUploadExternal', { timeoutMs: 15_000 });
    const upload = desk.slack.callsTo('files.getUploadURLExternal')[0];
    expect(upload).toBeDefined();
    const completed = desk.slack.callsTo('files.completeUploadExternal')[0]!;
    expect(completed.args).toMatchObject({ channel_id: STAFF_CHANNEL, thread_ts: ts });
    const fileId = (completed.args.files as { id: string }[])[0]!.id;
    expect(desk.slack.uploadedFile(fileId)?.bytes).toEqual(desk.telegram.fake.fileBytes(photoFileIdOf(anna)));
  });
});

function photoFileIdOf(user: TelegramUser): string {
  const photos = user.lastUpdate?.message?.photo ?? [];
  return photos.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best)).file_id;
}

describe('who may act, and what Slack can and cannot make happen', () => {
  it('answers 401 to a missing, wrong or stale signature and changes nothing', async () => {
    const ts = await annaComplains();
    const body = eventCallback({
      event: messageEvent({ channel: STAFF_CHANNEL, user: MARIA.id, text: 'forged', threadTs: ts }),
    });
    for (const tamper of ['missing-headers', 'wrong-signature', 'stale'] as const) {
      expect((await desk.post(body, { tamper })).status).toBe(401);
    }
    expect(await desk.prisma.ticketMessage.count({ where: { author: 'staff' } })).toBe(0);
    expect(anna.transcript.some((text) => text.includes('forged'))).toBe(false);
  });

  it('gives a Slack retry of an event already handled no second effect', async () => {
    const ts = await annaComplains();
    const eventTs = '1790000000.000100';
    await desk.replyInThread(MARIA.id, ts, 'Один ответ', { eventId: 'Ev0ONE', ts: eventTs });
    await desk.replyInThread(MARIA.id, ts, 'Один ответ', { eventId: 'Ev0ONE', ts: eventTs, retryNum: 1 });
    await anna.nextReplies(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(anna.transcript.filter((text) => text.includes('Один ответ'))).toHaveLength(1);
    expect(await desk.prisma.ticketMessage.count({ where: { author: 'staff' } })).toBe(1);
  });

  it('refuses Take, replies and /loyalty from someone outside the staff channel, privately', async () => {
    const ts = await annaComplains();
    const ticket = await onlyTicket();
    expect((await desk.press(STRANGER.id, ts, deskPayload.take(ticket.id))).status).toBe(200);
    expect(desk.slack.responses.map((response) => response.body)).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: en('desk.notStaff') },
    ]);
    // Someone outside the channel cannot get an ephemeral message in it; the refusal was tried and the reply went nowhere.
    expect((await desk.replyInThread(STRANGER.id, ts, 'I am not staff')).status).toBe(200);
    expect(desk.slack.callsTo('chat.postEphemeral').map((call) => [call.args.user, call.args.text])).toEqual([
      [STRANGER.id, en('desk.notStaff')],
    ]);
    const slash = await desk.slash(STRANGER.id, '');
    expect(JSON.parse(slash.body)).toMatchObject({ response_type: 'ephemeral', text: en('desk.notStaff') });
    expect(await onlyTicket()).toMatchObject({ status: 'open', assigneeId: null });
    expect(anna.transcript.some((text) => text.includes('I am not staff'))).toBe(false);
  });

  it('tells the second staff member who already took the ticket', async () => {
    const ts = await annaComplains();
    const ticket = await onlyTicket();
    await desk.press(MARIA.id, ts, deskPayload.take(ticket.id));
    await desk.press(ION.id, ts, deskPayload.take(ticket.id));
    expect(desk.slack.responses.map((response) => response.body.text)).toEqual([
      en('desk.alreadyTaken', { ref: ticketReference(ticket.id), name: 'Maria' }),
    ]);
    expect(await onlyTicket()).toMatchObject({ assigneeId: MARIA.id });
  });

  it('/loyalty lists the open tickets and shows a member by phone', async () => {
    await annaComplains();
    const list = JSON.parse((await desk.slash(MARIA.id, '')).body);
    expect(list.response_type).toBe('ephemeral');
    expect(list.text).toContain(en('desk.lookUp.openTickets', { count: 1 }));
    expect(list.text).toContain('Анна');
    const card = JSON.parse((await desk.slash(ION.id, '+373 69 123 456')).body);
    expect(card.text).toContain(en('desk.lookUp.member', { name: 'Анна' }));
    expect(card.text).toContain(en('points', { count: 100 }));
    expect(card.text).toContain(`${en('desk.card.phone')}: •••• 3456`);
    expect(card.text).toContain(`${en('desk.card.channels')}: Telegram`);
    expect(card.text).not.toContain('369123');
  });
});

describe('when a side is unreachable', () => {
  it('keeps the ticket and the customer’s messages in the outbox while Slack is down, and posts each once when it is back', async () => {
    desk.slack.down();
    await anna.types('Хочу пожаловаться на кассира');
    const [confirmation] = await anna.presses(offerPayload.yes);
    expect(confirmation?.text).toBe(ru('desk.opened.complaint', { count: 5 }));
    await anna.types('Он нахамил мне', 0);
    // Two failed attempts at the ticket's message; the customer's next message waits behind it, in order.
    const waiting = await waitUntil(
      () => desk.prisma.outboxMessage.findMany({ where: { channel: 'desk' }, orderBy: { createdAt: 'asc' } }),
      (rows) => rows.length === 2 && rows[0]!.attempts >= 2,
      'failed attempts',
    );
    expect(waiting.map((row) => row.sentAt)).toEqual([null, null]);
    expect(await desk.prisma.ticket.count()).toBe(1);
    desk.slack.up();
    const [message] = await desk.ticketMessages();
    await desk.thread(message!.ts, 1);
    await waitUntil(
      () => desk.prisma.outboxMessage.findMany({ where: { channel: 'desk' } }),
      (rows) => rows.every((row) => row.status === 'sent'),
      'every post sent',
    );
    expect(desk.slack.messages(STAFF_CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts)).toHaveLength(1);
    expect(desk.slack.thread(STAFF_CHANNEL, message!.ts).map((post) => post.text)).toEqual([
      `${en('desk.thread.customer', { name: 'Анна' })}\n>Он нахамил мне`,
    ]);
  }, 60_000);

  it('works once Slack is back when it was down while the app started', async () => {
    const late = await DeskHarness.start({}, { slackDown: true });
    try {
      const boris = late.telegram.user(2002, { firstName: 'Борис', languageCode: 'ru' });
      await registerMember(boris, { name: 'Борис', phone: '37369000222' });
      await boris.types('Хочу пожаловаться на кассира');
      await boris.presses(offerPayload.yes);
      late.slack.up();
      const [message] = await late.ticketMessages();
      expect((await late.replyInThread(MARIA.id, message!.ts, 'Разберёмся!')).status).toBe(200);
      const [answer] = await boris.nextReplies(1);
      expect(answer?.text).toBe(ru('desk.staffReply', { name: 'Maria', text: 'Разберёмся!' }));
    } finally {
      await late.stop();
    }
  }, 60_000);

  it('shows in the thread that a reply could not reach a customer who blocked the bot', async () => {
    const ts = await annaComplains();
    desk.telegram.fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await desk.replyInThread(MARIA.id, ts, 'Вы здесь?');
    const posts = await desk.thread(ts, 1);
    expect(posts.at(-1)?.text).toBe(en('desk.thread.undeliverable'));
    await waitUntil(
      async () => blocksText(desk.slack.messages(STAFF_CHANNEL)[0]),
      (text) => text.includes(en('desk.card.unreachable').slice(3)),
      'the card to show the warning',
    );
  });
});
