import { campaignCategories, type CampaignCategory } from '../campaigns/campaignCategories.ts';

/**
 * News and offers buttons: `offers:yes` and `offers:no` under the question
 * after registration, `offers:stop:<category>` under every campaign message
 * (that kind only) and `offers:stop` (all of them), and `offers:on` /
 * `offers:off`, with or without a category, as the switches in the settings.
 */
export const OFFERS_SCOPE = 'offers';

const answers = ['yes', 'no', 'stop', 'on', 'off'] as const;
export type OffersPress = (typeof answers)[number];

/** The presses that can name one category. */
const byCategory: readonly OffersPress[] = ['stop', 'on', 'off'];

export const offersPayload = (press: OffersPress, category?: CampaignCategory) =>
  `${OFFERS_SCOPE}:${press}${category ? `:${category}` : ''}`;

export function parseOffersPayload(raw: string): { press: OffersPress; category?: CampaignCategory } | null {
  const [scope, press, category, extra] = raw.split(':');
  if (scope !== OFFERS_SCOPE || extra !== undefined) return null;
  if (!(answers as readonly string[]).includes(press ?? '')) return null;
  if (category === undefined) return { press: press as OffersPress };
  if (!byCategory.includes(press as OffersPress)) return null;
  if (!(campaignCategories as readonly string[]).includes(category)) return null;
  return { press: press as OffersPress, category: category as CampaignCategory };
}
