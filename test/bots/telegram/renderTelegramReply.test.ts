import { InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { MAX_CAPTION, renderTelegramReply } from '../../../bots/telegram/renderTelegramReply.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const menuRows = [
  [
    { label: 'Balance', payload: 'menu:balance' },
    { label: 'Card', payload: 'menu:card' },
  ],
  [{ label: 'Help', payload: 'menu:help' }],
];

async function bytesOf(file: InputFile): Promise<Buffer> {
  const raw = await file.toRaw();
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  const chunks: Uint8Array[] = [];
  for await (const chunk of raw) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const inlineMenu = {
  inline_keyboard: [
    [
      { text: 'Balance', callback_data: 'menu:balance' },
      { text: 'Card', callback_data: 'menu:card' },
    ],
    [{ text: 'Help', callback_data: 'menu:help' }],
  ],
};

const beans = { url: 'https://shop.example/quiz/beans.jpg', alt: 'Picture for question 1' };
const options = [[{ label: 'Ethiopia', payload: 'quiz:a:0:0' }], [{ label: 'Brazil', payload: 'quiz:a:0:1' }]];
const inlineOptions = {
  inline_keyboard: [
    [{ text: 'Ethiopia', callback_data: 'quiz:a:0:0' }],
    [{ text: 'Brazil', callback_data: 'quiz:a:0:1' }],
  ],
};

describe('renderTelegramReply', () => {
  it('sends a plain text as a message without a keyboard', () => {
    expect(renderTelegramReply({ text: 'Hello' })).toEqual([{ method: 'sendMessage', text: 'Hello' }]);
  });

  it('lays buttons out as an inline keyboard with the same rows, each carrying its payload as callback data', () => {
    expect(renderTelegramReply({ text: 'Menu', buttons: menuRows })).toEqual([
      { method: 'sendMessage', text: 'Menu', reply_markup: inlineMenu },
    ]);
  });

  it('makes a link a url button, which opens its page, beside buttons that carry callback data', () => {
    const buttons = [
      [
        { label: 'See the offer', url: 'https://shop.example/offers/spring' },
        { label: 'Stop', payload: 'offers:off' },
      ],
    ];

    expect(renderTelegramReply({ text: 'Spring offer', buttons })).toEqual([
      {
        method: 'sendMessage',
        text: 'Spring offer',
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'See the offer', url: 'https://shop.example/offers/spring' },
              { text: 'Stop', callback_data: 'offers:off' },
            ],
          ],
        },
      },
    ]);
  });

  it('asks for the phone number with a one-time reply keyboard whose only button requests the contact', () => {
    const calls = renderTelegramReply({ text: 'Your phone?', contactRequest: 'Share my number' });

    expect(calls).toEqual([
      {
        method: 'sendMessage',
        text: 'Your phone?',
        reply_markup: {
          keyboard: [[{ text: 'Share my number', request_contact: true }]],
          resize_keyboard: true,
          one_time_keyboard: true,
        },
      },
    ]);
  });

  it('sends an image as a photo upload with the text as its caption', async () => {
    const [call, ...more] = renderTelegramReply({ text: 'Card 1234', image: { png: PNG, alt: 'QR code' } });

    expect(more).toEqual([]);
    expect(call).toMatchObject({ method: 'sendPhoto', caption: 'Card 1234' });
    expect(call).not.toHaveProperty('reply_markup');
    if (call?.method !== 'sendPhoto' || !(call.photo instanceof InputFile)) throw new Error('expected an upload');
    expect(call.photo.filename).toBe('card.png');
    expect((await bytesOf(call.photo)).equals(Buffer.from(PNG))).toBe(true);
  });

  it('keeps the buttons of an image under the photo', () => {
    const [call] = renderTelegramReply({ text: 'Card', image: { png: PNG, alt: 'QR' }, buttons: menuRows });

    expect(call?.reply_markup).toEqual(inlineMenu);
  });

  it('sends a picture on the web by its address, for Telegram to fetch, with the question as caption and the options under it', () => {
    const calls = renderTelegramReply({ text: 'Question 1 of 3\n\nWhere?', image: beans, buttons: options });

    expect(calls).toEqual([
      { method: 'sendPhoto', photo: beans.url, caption: 'Question 1 of 3\n\nWhere?', reply_markup: inlineOptions },
    ]);
  });

  it('takes a caption of exactly 1,024 characters under the photo', () => {
    const text = 'q'.repeat(MAX_CAPTION);
    expect(renderTelegramReply({ text, image: beans, buttons: options })).toEqual([
      { method: 'sendPhoto', photo: beans.url, caption: text, reply_markup: inlineOptions },
    ]);
  });

  it('sends a longer text after the photo as a message of its own, which carries the buttons', () => {
    const text = 'q'.repeat(MAX_CAPTION + 1);

    expect(renderTelegramReply({ text, image: beans, buttons: options })).toEqual([
      { method: 'sendPhoto', photo: beans.url },
      { method: 'sendMessage', text, reply_markup: inlineOptions },
    ]);
  });
});
