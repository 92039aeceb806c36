// The outbox and the turn send through one Bot API call helper; here through
// the outbox's sender (an Api without auto-retry), against the fake Bot API.
import { Api } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramSender } from '../../../bots/telegram/sendTelegramMessage.ts';
import { startFakeBotApi, type FakeBotApi } from '../../support/fakeBotApi.ts';

const CHAT = '6601';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const card = {
  text: 'Card № 1234 5678 9012\nTill code: 481516',
  image: { png: PNG, alt: 'QR' },
  buttons: [[{ label: 'Menu', payload: 'menu' }]],
};

let fake: FakeBotApi;
let send: ReturnType<typeof createTelegramSender>;

beforeAll(async () => {
  fake = await startFakeBotApi();
  send = createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot }));
});

beforeEach(() => fake.clearCalls());

afterAll(async () => {
  await fake.close();
});

describe('a photo message sent by the outbox', () => {
  it('goes out as a photo with its caption and buttons', async () => {
    expect(await send(CHAT, card)).toEqual({ kind: 'delivered' });

    expect(fake.callsTo('sendPhoto')).toHaveLength(1);
    expect(fake.callsTo('sendPhoto')[0]?.payload.caption).toBe(card.text);
  });

  it('goes out as its caption in text, with the same buttons, when Telegram refuses the photo', async () => {
    fake.failNext('sendPhoto', { status: 400, description: 'Bad Request: IMAGE_PROCESS_FAILED' });

    expect(await send(CHAT, card)).toEqual({ kind: 'delivered' });
    const [text] = fake.callsTo('sendMessage');
    expect(text?.payload).toMatchObject({ chat_id: CHAT, text: card.text });
    expect(JSON.stringify(text?.payload.reply_markup)).toContain('"callback_data":"menu"');
  });

  it('is not turned into text when the person is gone or the bot must wait', async () => {
    fake.failNext('sendPhoto', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await send(CHAT, card)).toMatchObject({ kind: 'unreachable' });
    fake.failNext('sendPhoto', { status: 429, retryAfter: 3 });
    expect(await send(CHAT, card)).toMatchObject({ kind: 'retryAfter', seconds: 3 });

    expect(fake.callsTo('sendMessage')).toEqual([]);
  });
});

describe('a picture on the web whose text is too long for a caption', () => {
  const long = {
    text: `Question 1 of 3\n\n${'Which of these beans? '.repeat(60)}`,
    image: { url: 'https://shop.example/quiz/beans.jpg', alt: 'Picture for question 1' },
    buttons: [[{ label: 'Arabica', payload: 'quiz:a:0:0' }]],
  };

  it('goes out as the photo alone, then the text with the buttons', async () => {
    expect(await send(CHAT, long)).toEqual({ kind: 'delivered' });

    const delivered = fake.calls.filter((call) => call.method === 'sendPhoto' || call.method === 'sendMessage');
    expect(delivered.map((call) => call.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(delivered[0]?.payload).toMatchObject({ photo: long.image.url });
    expect(delivered[0]?.payload).not.toHaveProperty('caption');
    expect(delivered[0]?.payload).not.toHaveProperty('reply_markup');
    expect(delivered[1]?.payload).toMatchObject({ text: long.text });
    expect(JSON.stringify(delivered[1]?.payload.reply_markup)).toContain('"callback_data":"quiz:a:0:0"');
  });

  it('sends the text once when Telegram cannot fetch the photo', async () => {
    fake.failNext('sendPhoto', { status: 400, description: 'Bad Request: failed to get HTTP URL content' });

    expect(await send(CHAT, long)).toEqual({ kind: 'delivered' });
    expect(fake.callsTo('sendMessage').map((call) => call.payload.text)).toEqual([long.text]);
  });
});

describe('a campaign message with a link', () => {
  const offer = {
    text: 'Spring tasting on Saturday',
    buttons: [
      [{ label: 'See the programme', url: 'https://shop.example/spring?from=bot' }],
      [{ label: 'Stop', payload: 'offers:off' }],
    ],
  };

  it('goes out with a button that opens the page, beside the buttons that call back', async () => {
    expect(await send(CHAT, offer)).toEqual({ kind: 'delivered' });

    const [message] = fake.callsTo('sendMessage');
    expect(message?.payload.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'See the programme', url: 'https://shop.example/spring?from=bot' }],
        [{ text: 'Stop', callback_data: 'offers:off' }],
      ],
    });
  });
});
