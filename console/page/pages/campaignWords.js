// How the campaign pages word a campaign: its status and category, the
// languages it is written in, counts with their plurals, shares and
// differences of shares (percentage points), in the reader's language.
import { language, t } from '../i18n.js';

/** The languages a campaign is written in, in the order the editor shows them. */
export const LANGUAGES = ['ru', 'ro', 'en'];
/** core/campaigns/campaignCategories.ts */
export const CATEGORIES = ['offers', 'news', 'holidays', 'events'];
/** The menu screens a button may open (core/campaigns/campaign.ts). */
export const MENU_ACTIONS = ['balance', 'card', 'history', 'invite', 'help'];
/** What the API lets each command act on (core/campaigns/campaignControl.ts). */
export const COMMANDS_BY_STATUS = {
  draft: [],
  scheduled: ['cancel'],
  sending: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  cancelled: [],
  done: [],
};
/** Only these still change; once sending starts, what members got stays as it was. */
export const EDITABLE = ['draft', 'scheduled'];

export function statusText(status) {
  return t(`campaigns.status.${status}`);
}

export function categoryName(category) {
  return t(`campaigns.categories.${category}`);
}

export function languageName(locale) {
  return t(`campaigns.languages.${locale}`);
}

export function numberText(value) {
  return new Intl.NumberFormat(language()).format(value);
}

/** A plural text of `key` for `count`, the number written as the language writes it. */
export function countText(key, count, values = {}) {
  return t(key, { ...values, count, n: numberText(count) });
}

/** A share of 1 in percent, to a tenth: 0.0654 → "6.5%". */
export function shareText(share) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A difference of two shares in percentage points, signed: 0.021 → "+2.1 pp". */
export function pointsDifferenceText(difference) {
  const n = new Intl.NumberFormat(language(), {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(difference * 100);
  return t('campaigns.results.percentagePoints', { n });
}
