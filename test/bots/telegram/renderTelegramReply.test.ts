import { InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { renderTelegramReply } from '../../../bots/telegram/renderTelegramReply.ts';

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

describe('renderTelegramReply', () => {
  it('sends a plain text as a message without a keyboard', () => {
    expect(renderTelegramReply({ text: 'Hello' })).toEqual({ method: 'sendMessage', text: 'Hello' });
  });

  it('lays buttons out as an inline keyboard with the same rows, each carrying its payload as callback data', () => {
    expect(renderTelegramReply({ text: 'Menu', buttons: menuRows })).toEqual({
      method: 'sendMessage',
      text: 'Menu',
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Balance', callback_data: 'menu:balance' },
            { text: 'Card', callback_data: 'menu:card' },
          ],
          [{ text: 'Help', callback_data: 'menu:help' }],
        ],
      },
    });
  });

  it('asks for the phone number with a one-time reply keyboard whose only button requests the contact', () => {
    const call = renderTelegramReply({ text: 'Your phone?', contactRequest: 'Share my number' });

    expect(call).toEqual({
      method: 'sendMessage',
      text: 'Your phone?',
      reply_markup: {
        keyboard: [[{ text: 'Share my number', request_contact: true }]],
        resize_keyboard: true,
        one_time_keyboard: true,
      },
    });
  });

  it('sends an image as a photo upload with the text as its caption', async () => {
    const call = renderTelegramReply({ text: 'Card 1234', image: { png: PNG, alt: 'QR code' } });

    expect(call).toMatchObject({ method: 'sendPhoto', caption: 'Card 1234' });
    expect(call).not.toHaveProperty('reply_markup');
    if (call.method !== 'sendPhoto') throw new Error('expected a photo');
    expect(call.photo).toBeInstanceOf(InputFile);
    expect(call.photo.filename).toBe('card.png');
    expect((await bytesOf(call.photo)).equals(Buffer.from(PNG))).toBe(true);
  });

  it('keeps the buttons of an image under the photo', () => {
    const call = renderTelegramReply({ text: 'Card', image: { png: PNG, alt: 'QR' }, buttons: menuRows });

    expect(call.reply_markup).toEqual({
      inline_keyboard: expect.arrayContaining([[{ text: 'Help', callback_data: 'menu:help' }]]),
    });
  });
});
