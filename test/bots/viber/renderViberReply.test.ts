import { describe, expect, it } from 'vitest';
import { rendersAsOneMessage, renderViberReply, MAX_TEXT } from '../../../bots/viber/renderViberReply.ts';
import { payloadOfText } from '../../../bots/viber/viberPayload.ts';

const publish = async () => 'https://shop.example/viber/images/AAAAAAAAAAAAAAAAAAAAAA.png';

describe('renderViberReply', () => {
  it('turns button rows into reply buttons sharing the six-column grid, carrying the payload', async () => {
    const [message] = await renderViberReply(
      {
        text: 'Menu',
        buttons: [
          [
            { label: 'A', payload: 'menu:a' },
            { label: 'B', payload: 'menu:b' },
          ],
          [
            { label: 'C', payload: 'menu:c' },
            { label: 'D', payload: 'menu:d' },
            { label: 'E', payload: 'menu:e' },
            { label: 'F', payload: 'menu:f' },
          ],
        ],
      },
      publish,
    );

    const buttons = message?.keyboard?.Buttons ?? [];
    expect(buttons.map((b) => b.Columns)).toEqual([3, 3, 2, 2, 1, 1]);
    expect(buttons.every((b) => b.ActionType === 'reply' && b.Silent)).toBe(true);
    expect(buttons.map((b) => payloadOfText(b.ActionBody))).toEqual([
      'menu:a',
      'menu:b',
      'menu:c',
      'menu:d',
      'menu:e',
      'menu:f',
    ]);
  });

  it('makes a link an open-url button with the address as its body, laid out like the reply button beside it', async () => {
    const [message] = await renderViberReply(
      {
        text: 'Spring offer',
        buttons: [
          [
            { label: 'See the offer', url: 'https://shop.example/offers/spring' },
            { label: 'Stop', payload: 'offers:off' },
          ],
        ],
      },
      publish,
    );

    expect(message?.keyboard?.Buttons).toEqual([
      {
        Columns: 3,
        Rows: 1,
        ActionType: 'open-url',
        ActionBody: 'https://shop.example/offers/spring',
        Text: 'See the offer',
        Silent: true,
      },
      { Columns: 3, Rows: 1, ActionType: 'reply', ActionBody: 'btn:offers:off', Text: 'Stop', Silent: true },
    ]);
  });

  it('tells a pressed button from typed words', () => {
    expect(payloadOfText('menu:balance')).toBeNull();
    expect(payloadOfText('hello')).toBeNull();
  });

  it('asks for the phone with a share-phone button and min_api_version 3', async () => {
    const [message] = await renderViberReply({ text: 'Your phone?', contactRequest: 'Share' }, publish);

    expect(message).toMatchObject({ type: 'text', min_api_version: 3 });
    expect(message?.keyboard?.Buttons).toEqual([
      expect.objectContaining({ ActionType: 'share-phone', Text: 'Share', Columns: 6 }),
    ]);
  });

  it('splits a text longer than 7,000 characters at a line break, with the keyboard on the last part', async () => {
    const long = `${'a'.repeat(6_000)}\n${'b'.repeat(3_000)}`;
    const parts = await renderViberReply({ text: long, buttons: [[{ label: 'OK', payload: 'x' }]] }, publish);

    expect(parts.map((part) => part.text.length)).toEqual([6_000, 3_000]);
    expect(parts.every((part) => part.text.length <= MAX_TEXT)).toBe(true);
    expect(parts[0]?.keyboard).toBeUndefined();
    expect(parts[1]?.keyboard?.Buttons).toHaveLength(1);
  });

  it('sends a picture by its published URL, with the text as its description', async () => {
    const parts = await renderViberReply(
      { text: 'Your card', image: { png: new Uint8Array([1]), alt: 'QR' } },
      publish,
    );

    expect(parts).toEqual([{ type: 'picture', text: 'Your card', media: await publish() }]);
  });

  it('sends a long caption as a text after the picture, the picture described by its alt text', async () => {
    const caption = `Your card № 1234 5678 9012\n${'x'.repeat(150)}`;
    const parts = await renderViberReply(
      {
        text: caption,
        image: { png: new Uint8Array([1]), alt: 'QR code of your card' },
        buttons: [[{ label: 'OK', payload: 'x' }]],
      },
      publish,
    );

    expect(parts.map((part) => part.type)).toEqual(['picture', 'text']);
    expect(parts[0]?.text).toBe('QR code of your card');
    expect(parts[1]?.text).toBe(caption);
    expect(parts[1]?.keyboard?.Buttons).toHaveLength(1);
  });

  it('sends a quiz question’s picture by its own https address, the question as its text and the options on the keyboard', async () => {
    const published: Uint8Array[] = [];
    const parts = await renderViberReply(
      {
        text: 'Question 1 of 3 · ⏱ 30 s\n\nWhere was coffee first found?',
        image: { url: 'https://shop.example/quiz/beans.jpg', alt: 'Picture for question 1' },
        buttons: [[{ label: 'Ethiopia', payload: 'quiz:a:0:0' }], [{ label: 'Brazil', payload: 'quiz:a:0:1' }]],
      },
      async (png) => {
        published.push(png);
        return publish();
      },
    );

    expect(published).toEqual([]);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({
      type: 'picture',
      media: 'https://shop.example/quiz/beans.jpg',
      text: 'Question 1 of 3 · ⏱ 30 s\n\nWhere was coffee first found?',
    });
    expect(parts[0]?.keyboard?.Buttons.map((b) => [b.Text, payloadOfText(b.ActionBody)])).toEqual([
      ['Ethiopia', 'quiz:a:0:0'],
      ['Brazil', 'quiz:a:0:1'],
    ]);
  });

  it('sends a long question after its picture, which its description names, with the keyboard on the question', async () => {
    const text = `Question 1 of 3\n\n${'Which of these beans? '.repeat(10)}`;
    const parts = await renderViberReply(
      {
        text,
        image: { url: 'https://shop.example/quiz/beans.jpg', alt: 'Picture for question 1' },
        buttons: [[{ label: 'Arabica', payload: 'quiz:a:0:0' }]],
      },
      publish,
    );

    expect(parts.map((part) => [part.type, part.text, part.keyboard !== undefined])).toEqual([
      ['picture', 'Picture for question 1', false],
      ['text', text, true],
    ]);
  });

  it('sends the text alone for a picture whose address is not https, which Viber would not fetch', async () => {
    const parts = await renderViberReply(
      { text: 'Question 1', image: { url: 'http://shop.example/beans.jpg', alt: 'Picture' } },
      publish,
    );

    expect(parts).toEqual([{ type: 'text', text: 'Question 1' }]);
  });

  it.each([
    ['a text within the limit', { text: 'A new offer' }, true],
    ['a text Viber takes in two parts', { text: 'x'.repeat(7_001) }, false],
    [
      'a picture whose text fits its caption',
      { text: 'Offer', image: { url: 'https://shop.example/a.png', alt: 'A' } },
      true,
    ],
    [
      'a picture with a longer text',
      { text: 'x'.repeat(121), image: { url: 'https://shop.example/a.png', alt: 'A' } },
      false,
    ],
  ])('says whether %s is one Viber message, as one broadcast carries', async (_, reply, one) => {
    expect(rendersAsOneMessage(reply)).toBe(one);
    expect((await renderViberReply(reply, publish)).length === 1).toBe(one);
  });
});
