// The fan-out writes each member's message with the JSON around its text made
// once per language; what it stores must be exactly what serializeReplies
// writes and what the dispatcher reads back.
import { describe, expect, it } from 'vitest';
import type { Button, Outbound } from '../../../../core/outbound.ts';
import { campaignMessageSerializer } from '../../../../core/storage/campaigns/campaignMessageSerializer.ts';
import { parseReplies, serializeReplies } from '../../../../core/storage/conversation/storedReplies.ts';

const buttons: Button[][] = [
  [{ label: 'Мой баланс', payload: 'campaign:c1:0' }],
  [{ label: 'Open "the" shop', url: 'https://shop.example/spring' }],
  [{ label: 'Stop offers', payload: 'offers:stop:offers' }],
];
const image = { url: 'https://shop.example/spring.png', alt: 'Spring' };

describe('a campaign message as the fan-out stores it', () => {
  it('is what serializeReplies writes, for members who share the buttons and the picture', () => {
    const serialize = campaignMessageSerializer();
    const texts = ['Anna, you have 1,234 points.', 'Ion "Vanea" \\ Popescu\n— 5 баллов', ''];
    for (const text of texts) {
      const message: Outbound = { text, buttons, image };
      expect(serialize(message)).toBe(serializeReplies([message]));
      expect(parseReplies(serialize(message))).toEqual([message]);
    }
  });

  it('follows a message whose buttons or picture differ from the last one’s', () => {
    const serialize = campaignMessageSerializer();
    const first: Outbound = { text: 'First', buttons, image };
    const otherPicture: Outbound = { text: 'Second', buttons, image: { url: 'https://shop.example/b.png', alt: 'B' } };
    const noPicture: Outbound = { text: 'Third', buttons };
    const otherButtons: Outbound = { text: 'Fourth', buttons: [[{ label: 'Only', payload: 'p' }]] };
    const noButtons: Outbound = { text: 'Fifth' };
    for (const message of [first, otherPicture, noPicture, otherButtons, noButtons, first])
      expect(serialize(message)).toBe(serializeReplies([message]));
  });
});
