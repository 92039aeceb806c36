// Flood limits and ordering through the real transport: Telegram's 429 with
// retry_after, several updates of one chat arriving in one poll, and two
// chats at once. Assertions are on the calls the fake recorded, in order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { payload } from '../../../core/payloads.ts';
import { callbackUpdate, commandUpdate, contactUpdate, textUpdate } from '../../support/telegramUpdates.ts';
import { ANNAS_PHONE, registerUpToPhone } from './support/registerMember.ts';
import { TelegramHarness } from './support/telegramHarness.ts';
import type { TelegramUser } from './support/telegramUser.ts';

const ru = createTranslator().forLocale('ru');

let harness: TelegramHarness;

beforeEach(async () => {
  harness = await TelegramHarness.start();
});

afterEach(async () => {
  await harness.stop();
});

/** Every sendMessage attempt to this chat, refused ones included, in arrival order. */
function attemptsTo(chatId: number) {
  return harness.fake
    .callsTo('sendMessage')
    .filter((call) => String(call.payload.chat_id) === String(chatId))
    .map((call) => ({ text: call.payload.text, rejectedWith: call.rejectedWith }));
}

/** Queues a whole registration at once, without waiting for any answer. */
function pushRegistration(user: TelegramUser, name: string, phone: string, birthday: string) {
  user.push(commandUpdate(user.id, '/start'));
  user.push(callbackUpdate(user.id, payload.consentAccept('ru')));
  user.push(textUpdate(user.id, name));
  user.push(contactUpdate(user.id, phone));
  user.push(textUpdate(user.id, birthday));
}

/** Replies to a whole registration: greeting; thanks and name question; phone question; birthday question; welcome, card and menu. */
const REGISTRATION_REPLIES = 9;

describe('flood control', () => {
  it('delivers a reply exactly once after Telegram answers 429 with retry_after', async () => {
    const anna = harness.user(3001);
    harness.fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    const [greeting] = await anna.commands('/start');

    const greetingText = `${ru('greeting.hello')}\n\n${ru('consent.text')}`;
    expect(greeting?.text).toBe(greetingText);
    expect(attemptsTo(anna.id)).toEqual([
      { text: greetingText, rejectedWith: 429 },
      { text: greetingText, rejectedWith: undefined },
    ]);
    expect(harness.fake.sentTexts(anna.id)).toEqual([greetingText]);
  });

  it('keeps the replies of one turn in order when the first one is held back', async () => {
    const anna = harness.user(3002);
    await anna.commands('/start');
    harness.fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    await anna.presses(payload.consentAccept('ru'), 2);

    expect(attemptsTo(anna.id).slice(1)).toEqual([
      { text: ru('consent.thanks'), rejectedWith: 429 },
      { text: ru('consent.thanks'), rejectedWith: undefined },
      { text: ru('registration.askName'), rejectedWith: undefined },
    ]);
  });
});

describe('flood control of the card photo', () => {
  it('uploads the card photo again after a 429, and delivers it once', async () => {
    const anna = harness.user(3008);
    await registerUpToPhone(anna);
    await anna.sharesContact(ANNAS_PHONE, 2);
    harness.fake.failNext('sendPhoto', { status: 429, retryAfter: 1 });
    const [, card] = await anna.types('23.11', 3);

    const attempts = harness.fake.callsTo('sendPhoto');
    expect(attempts.map((call) => call.rejectedWith)).toEqual([429, undefined]);
    expect(attempts.map((call) => call.files.photo?.bytes.equals(card!.photo!))).toEqual([true, true]);
  });
});

describe('other refusals by Telegram', () => {
  it('sends a message again after Telegram fails with a server error', async () => {
    const anna = harness.user(3009);
    harness.fake.failNext('sendMessage', { status: 502 });
    await anna.commands('/start');

    expect(attemptsTo(anna.id).map((attempt) => attempt.rejectedWith)).toEqual([502, undefined]);
  });

  it('does not send again a message Telegram refuses for good, and apologises instead', async () => {
    const anna = harness.user(3010);
    harness.fake.failNext('sendMessage', { status: 400, description: 'Bad Request: message is too long' });
    const [apology] = await anna.commands('/start');

    expect(apology?.text).toBe(ru('errors.internal'));
    expect(attemptsTo(anna.id).map((attempt) => attempt.rejectedWith)).toEqual([400, undefined]);
  });
});

describe('order of updates', () => {
  it('answers updates of one chat in conversation order when they arrive together', async () => {
    const anna = harness.user(3003, { firstName: 'Анна' });
    anna.push(commandUpdate(anna.id, '/start'));
    anna.push(callbackUpdate(anna.id, payload.consentAccept('ru')));
    anna.push(textUpdate(anna.id, 'Анна'));
    anna.push(contactUpdate(anna.id, '37369123456'));
    const replies = await anna.nextReplies(6);

    expect(replies.map((reply) => reply.text)).toEqual([
      `${ru('greeting.hello')}\n\n${ru('consent.text')}`,
      ru('consent.thanks'),
      ru('registration.askName'),
      ru('registration.askPhone', { name: 'Анна' }),
      ru('registration.phoneSaved'),
      ru('registration.askBirthday'),
    ]);
  });

  it('lets two chats register at the same time without mixing them up', async () => {
    const anna = harness.user(3004, { firstName: 'Анна' });
    const boris = harness.user(3005, { firstName: 'Борис' });
    pushRegistration(anna, 'Анна', '37369123456', '01.01');
    pushRegistration(boris, 'Борис', '37379555444', '02.02');
    await Promise.all([anna.nextReplies(REGISTRATION_REPLIES), boris.nextReplies(REGISTRATION_REPLIES)]);

    expect(anna.transcript[3]).toBe(ru('registration.askPhone', { name: 'Анна' }));
    expect(boris.transcript[3]).toBe(ru('registration.askPhone', { name: 'Борис' }));
    expect(anna.transcript.join('\n')).not.toContain('Борис');
    expect(boris.transcript.join('\n')).not.toContain('Анна');
    const members = await harness.prisma.member.findMany({
      orderBy: { name: 'asc' },
      select: { name: true, phone: true, birthDay: true },
    });
    expect(members).toEqual([
      { name: 'Анна', phone: '+37369123456', birthDay: 1 },
      { name: 'Борис', phone: '+37379555444', birthDay: 2 },
    ]);
  });
});
