// An uploaded campaign picture as each channel renders it: Telegram sends
// the photo by its address with the text as the caption, Viber a picture
// message it fetches from PUBLIC_URL, the web chat an image.
import { describe, expect, it } from 'vitest';
import { renderTelegramReply } from '../../bots/telegram/renderTelegramReply.ts';
import { renderViberReply } from '../../bots/viber/renderViberReply.ts';
import { renderWebChatReply } from '../../bots/web/renderWebChatReply.ts';
import { renderCampaignMessage } from '../../core/campaigns/renderCampaignMessage.ts';
import { pictureUrl } from '../../core/media/pictureUrl.ts';

const url = pictureUrl('https://shop.example/', 'q9Xc2bT1nVh5ZpL0wRk3aA.jpg');
const campaign = {
  id: 'c1',
  messages: { en: 'Our garden is open, {name}!' },
  buttons: [],
  imageUrl: url,
  category: 'offers' as const,
};
const t = (key: string) => (key === 'campaigns.pictureAlt' ? 'Picture' : key);
const message = renderCampaignMessage(campaign, { name: 'Ana', balance: 0, tier: null, locale: 'en' }, 'en', t);

describe('a campaign with an uploaded picture', () => {
  it('has its address under PUBLIC_URL', () => {
    expect(url).toBe('https://shop.example/media/q9Xc2bT1nVh5ZpL0wRk3aA.jpg');
  });

  it('goes to Telegram as the photo with the text as its caption', () => {
    expect(renderTelegramReply(message)).toEqual([
      expect.objectContaining({ method: 'sendPhoto', photo: url, caption: 'Our garden is open, Ana!' }),
    ]);
  });

  it('goes to Viber as a picture message fetched by that address', async () => {
    const unused = async () => {
      throw new Error('an uploaded picture needs no publishing');
    };
    expect(await renderViberReply(message, unused)).toEqual([
      expect.objectContaining({ type: 'picture', media: url, text: 'Our garden is open, Ana!' }),
    ]);
  });

  it('shows in the web chat', () => {
    expect(renderWebChatReply(message).image).toEqual({ src: url, alt: 'Picture' });
  });
});
