import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/translator.ts';
import type { Button, Outbound } from '../outbound.ts';
import { textIn } from '../quizzes/localizedText.ts';
import type { Campaign } from './campaign.ts';
import { campaignPayload } from './campaignPayloads.ts';
import { offersPayload } from '../marketing/offersPayloads.ts';
import { fillPlaceholders, type PlaceholderValues } from './placeholders.ts';

/**
 * The message as one member reads it: their language (else the programme's,
 * else any), their name, balance and tier in place, the campaign's buttons,
 * and always the one-tap Stop for this kind of message last.
 */
export function renderCampaignMessage(
  campaign: Pick<Campaign, 'id' | 'messages' | 'buttons' | 'imageUrl' | 'category'>,
  member: PlaceholderValues & { locale: Locale },
  fallback: Locale,
  t: Translate,
): Outbound {
  const text = fillPlaceholders(textIn(campaign.messages, member.locale, fallback), member, member.locale, t);
  // A web address opens directly (the platform reports no press of it); every other button comes back to be counted.
  const buttons: Button[][] = campaign.buttons.map((button, index) => {
    const label = textIn(button.label, member.locale, fallback);
    return [
      button.action.kind === 'url'
        ? { label, url: button.action.url }
        : { label, payload: campaignPayload(campaign.id, index) },
    ];
  });
  buttons.push([{ label: t('campaigns.stop'), payload: offersPayload('stop', campaign.category) }]);
  return {
    text,
    buttons,
    ...(campaign.imageUrl && { image: { url: campaign.imageUrl, alt: t('campaigns.pictureAlt') } }),
  };
}
