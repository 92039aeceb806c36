// How the analytics pages word their figures in the reader's language:
// money in the programme's currency, shares and changes in percent,
// minutes, counts; a figure that cannot be computed is a dash.
import { language, t } from '../i18n.js';

const DASH = '—';

export function numberText(value) {
  return value === null || value === undefined ? DASH : new Intl.NumberFormat(language()).format(value);
}

/** Minor units as money in `currency`. */
export function moneyText(minor, currency) {
  if (minor === null || minor === undefined) return DASH;
  return new Intl.NumberFormat(language(), { style: 'currency', currency }).format(minor / 100);
}

/** A percent (50 → "50 %"), to one decimal at most. */
export function percentText(percent) {
  if (percent === null || percent === undefined) return DASH;
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** A change against the period before: "+12 %", "−3 %", or a dash. */
export function changeText(change) {
  if (change === null || change === undefined) return DASH;
  return new Intl.NumberFormat(language(), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change / 100);
}

export function minutesText(minutes) {
  return minutes === null || minutes === undefined
    ? DASH
    : t('analytics.minutes', { count: minutes, n: numberText(minutes) });
}

/** An overview figure's value as the figure's kind words it. */
export function figureText(name, value, currency) {
  if (['averageCheck', 'revenue', 'pointsLiability'].includes(name)) return moneyText(value, currency);
  if (['repeatPurchaseRate', 'deskCsat'].includes(name)) return percentText(value);
  if (name.startsWith('median')) return minutesText(value);
  return numberText(value);
}
