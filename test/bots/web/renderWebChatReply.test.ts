import { describe, expect, it } from 'vitest';
import { renderWebChatReply } from '../../../bots/web/renderWebChatReply.ts';

/** The 8-byte PNG signature: enough to check the bytes survive the trip. */
const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('renderWebChatReply', () => {
  it('renders plain text as text alone, with no empty buttons or image', () => {
    expect(renderWebChatReply({ text: 'What is your name?' })).toEqual({ text: 'What is your name?' });
  });

  it('keeps line breaks in the text for the page to show', () => {
    expect(renderWebChatReply({ text: 'Card of Anna\nNo. 1234 5678' }).text).toBe('Card of Anna\nNo. 1234 5678');
  });

  it('keeps the rows of buttons that belong to the reply in order with their labels and payloads', () => {
    const buttons = [
      [
        { label: '⭐ 5', payload: 'rate:t1:5' },
        { label: '⭐ 4', payload: 'rate:t1:4' },
      ],
      [{ label: 'Skip', payload: 'reg:skip-birthday' }],
    ];
    expect(renderWebChatReply({ text: 'How did we do?', buttons })).toEqual({ text: 'How did we do?', buttons });
  });

  it('keeps a link beside the buttons, by its https address, for the page to draw as a link', () => {
    const buttons = [
      [{ label: 'See the offer', url: 'https://shop.example/offers/spring' }],
      [{ label: 'Stop', payload: 'offers:off' }],
    ];
    expect(renderWebChatReply({ text: 'Spring offer', buttons })).toEqual({ text: 'Spring offer', buttons });
  });

  it('leaves out a link whose address is not https, which the page would refuse', () => {
    const buttons = [
      [
        { label: 'Plain', url: 'http://shop.example/' },
        { label: 'Script', url: 'javascript:alert(1)' },
      ],
      [{ label: 'Stop', payload: 'offers:off' }],
    ];
    expect(renderWebChatReply({ text: 'Spring offer', buttons })).toEqual({
      text: 'Spring offer',
      buttons: [[{ label: 'Stop', payload: 'offers:off' }]],
    });
  });

  it('moves the main menu out of the reply, for the page to keep behind its Menu control', () => {
    const switches = [[{ label: '✅ Offers', payload: 'notify:offers' }]];
    const menu = [
      [
        { label: '💰 Balance', payload: 'menu:balance' },
        { label: '💳 My card', payload: 'menu:card' },
      ],
      [{ label: '❓ Help', payload: 'menu:help' }],
    ];
    expect(renderWebChatReply({ text: 'Your notifications', buttons: [...switches, ...menu], menuFrom: 1 })).toEqual({
      text: 'Your notifications',
      buttons: switches,
      menu,
    });
    expect(renderWebChatReply({ text: 'What would you like to do?', buttons: menu, menuFrom: 0 })).toEqual({
      text: 'What would you like to do?',
      menu,
    });
  });

  it('keeps a screen’s own menu: buttons (New code) under it, and drops Back to menu, which the Menu control replaces', () => {
    const newCode = [{ label: '🔄 New code', payload: 'menu:card' }];
    const back = [{ label: '↩ Back to menu', payload: 'menu:main' }];
    expect(renderWebChatReply({ text: 'Your card', buttons: [newCode, back] })).toEqual({
      text: 'Your card',
      buttons: [newCode],
    });
  });

  it('marks a reply that holds a one-time code, so the page never stores it', () => {
    expect(renderWebChatReply({ text: 'One-time code for the till: 123456', ephemeral: true })).toEqual({
      text: 'One-time code for the till: 123456',
      ephemeral: true,
    });
  });

  it('inlines an image as a base64 PNG data URL with its alt text', () => {
    const reply = renderWebChatReply({
      text: 'Your card',
      image: { png: PNG_SIGNATURE, alt: 'QR code of loyalty card 1234' },
    });
    expect(reply.image).toEqual({ src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'QR code of loyalty card 1234' });
  });

  it('gives a quiz question’s picture by its https address, with its description and the options under it', () => {
    const options = [[{ label: 'Ethiopia', payload: 'quiz:a:0:0' }], [{ label: 'Brazil', payload: 'quiz:a:0:1' }]];
    const reply = renderWebChatReply({
      text: 'Question 1 of 3\n\nWhere was coffee first found?',
      image: { url: 'https://shop.example/quiz/beans.jpg', alt: 'Picture for question 1' },
      buttons: options,
    });
    expect(reply).toEqual({
      text: 'Question 1 of 3\n\nWhere was coffee first found?',
      image: { src: 'https://shop.example/quiz/beans.jpg', alt: 'Picture for question 1' },
      buttons: options,
    });
  });

  it('leaves out a picture whose address is not https, which the page would not load', () => {
    const reply = renderWebChatReply({
      text: 'Question 1',
      image: { url: 'http://shop.example/a.jpg', alt: 'Picture' },
    });
    expect(reply).toEqual({ text: 'Question 1' });
  });

  it('drops the contact request, which a browser cannot fulfil', () => {
    const reply = renderWebChatReply({ text: 'Now your phone number', contactRequest: '📱 Share my phone number' });
    expect(reply).toEqual({ text: 'Now your phone number' });
  });

  it('leaves markup in the text as it is; the page shows it as text, never as HTML', () => {
    expect(renderWebChatReply({ text: '<b>Anna</b> & co' }).text).toBe('<b>Anna</b> & co');
  });
});
