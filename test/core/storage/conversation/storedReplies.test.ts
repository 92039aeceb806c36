import { describe, expect, it } from 'vitest';
import { parseReplies, serializeReplies } from '../../../../core/storage/conversation/storedReplies.ts';

describe('stored replies', () => {
  it('give back a drawn picture’s bytes and a web picture’s address, each with its description', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const question = {
      text: 'Question 1 of 3',
      image: { url: 'https://shop.example/quiz/beans.jpg', alt: 'Picture for question 1' },
      buttons: [[{ label: 'Ethiopia', payload: 'quiz:a:0:0' }]],
    };
    const [card, again] = parseReplies(
      serializeReplies([{ text: 'Your card', image: { png, alt: 'QR code' } }, question]),
    )!;
    const drawn = card?.image && 'png' in card.image ? card.image : undefined;
    expect(drawn && { png: Buffer.from(drawn.png), alt: drawn.alt }).toEqual({ png: Buffer.from(png), alt: 'QR code' });
    expect(again).toEqual(question);
  });

  it('give back a link beside the payload buttons', () => {
    const offer = {
      text: 'Spring tasting on Saturday',
      buttons: [
        [{ label: 'See the programme', url: 'https://shop.example/spring?from=bot' }],
        [{ label: 'Stop', payload: 'offers:off' }],
      ],
    };
    expect(parseReplies(serializeReplies([offer]))).toEqual([offer]);
  });

  it.each([
    ['plain HTTP', 'http://shop.example/spring'],
    ['script', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', '/spring'],
    ['words around an address', 'see https://shop.example/spring'],
  ])('are refused when a link is %s rather than one https address', (_case, url) => {
    expect(parseReplies(serializeReplies([{ text: 'Offer', buttons: [[{ label: 'Open', url }]] }]))).toBeNull();
  });

  it('are refused when the JSON is not what was written', () => {
    expect(parseReplies(JSON.stringify([{ text: 'x', image: { alt: 'no picture' } }]))).toBeNull();
  });
});
