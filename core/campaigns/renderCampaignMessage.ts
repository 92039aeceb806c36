import type { Locale } from '../i18n/locale.ts';
import type { Translate, Translator } from '../i18n/translator.ts';
import type { Button, Outbound } from '../outbound.ts';
import { textIn } from '../quizzes/localizedText.ts';
import type { Campaign } from './campaign.ts';
import { campaignPayload } from './campaignPayloads.ts';
import { offersPayload } from '../marketing/offersPayloads.ts';
import { placeholderFiller, type PlaceholderValues } from './placeholders.ts';

type RenderedCampaign = Pick<Campaign, 'id' | 'messages' | 'buttons' | 'imageUrl' | 'category'>;
type Reader = PlaceholderValues & { locale: Locale };

/**
 * The message as one member reads it: their language (else the programme's,
 * else any), their name, balance and tier in place, the campaign's buttons,
 * and always the one-tap Stop for this kind of message last.
 */
export function renderCampaignMessage(
  campaign: RenderedCampaign,
  member: Reader,
  fallback: Locale,
  t: Translate,
): Outbound {
  return inLanguage(campaign, member.locale, fallback, t)(member);
}

/**
 * `renderCampaignMessage` for a whole audience: what is the same for every
 * reader of one language (the text before its placeholders, the buttons,
 * the Stop, the picture's description) is made once per language.
 */
export function campaignRenderer(
  campaign: RenderedCampaign,
  fallback: Locale,
  translator: Translator,
): (member: Reader) => Outbound {
  const byLocale = new Map<Locale, (member: Reader) => Outbound>();
  return (member) => {
    let render = byLocale.get(member.locale);
    if (!render)
      byLocale.set(
        member.locale,
        (render = inLanguage(campaign, member.locale, fallback, translator.forLocale(member.locale))),
      );
    return render(member);
  };
}

function inLanguage(
  campaign: RenderedCampaign,
  locale: Locale,
  fallback: Locale,
  t: Translate,
): (member: Reader) => Outbound {
  const template = textIn(campaign.messages, locale, fallback);
  const fill = placeholderFiller(locale, t);
  // A web address opens directly (the platform reports no press of it); every other button comes back to be counted.
  const buttons: Button[][] = campaign.buttons.map((button, index) => {
    const label = textIn(button.label, locale, fallback);
    return [
      button.action.kind === 'url'
        ? { label, url: button.action.url }
        : { label, payload: campaignPayload(campaign.id, index) },
    ];
  });
  buttons.push([{ label: t('campaigns.stop'), payload: offersPayload('stop', campaign.category) }]);
  const image = campaign.imageUrl ? { url: campaign.imageUrl, alt: t('campaigns.pictureAlt') } : undefined;
  // Every reader's message shares the buttons and the picture: they are only ever read (serialised) after this.
  return (member) => ({ text: fill(template, member), buttons, ...(image && { image }) });
}
