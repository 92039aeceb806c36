// How the member pages word their figures in the reader's language: points
// with their plurals, money in the programme's currency, tiers by name,
// dates by Intl.
import { language, t } from '../i18n.js';

/** "1,250 points", "−20 points" with `signed`, the plural chosen for the number. */
export function pointsText(count, { signed = false } = {}) {
  const n = new Intl.NumberFormat(language(), { signDisplay: signed ? 'exceptZero' : 'auto' }).format(count);
  return t('members.points', { count, n });
}

/** Minor units (bani, cents) as money in the programme's currency. */
export function moneyText(minor, currency) {
  return new Intl.NumberFormat(language(), { style: 'currency', currency }).format(minor / 100);
}

/** A whole percent, 5 → "5%" or "5 %" as the language writes it. */
export function percentText(percent) {
  return new Intl.NumberFormat(language(), { style: 'percent' }).format(percent / 100);
}

export function numberText(value) {
  return new Intl.NumberFormat(language()).format(value);
}

/** A tier's name; a tier a marketer added has no translation and is shown by its code. */
export function tierName(code) {
  return known(`members.tiers.${code}`, code);
}

export function ledgerKind(kind) {
  return known(`members.ledger.kinds.${kind}`, kind);
}

export function languageName(locale) {
  return known(`members.languages.${locale}`, locale);
}

export function dateText(iso) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** A birthday as the member gave it: the year only when they told it. */
export function birthdayText({ day, month, year }) {
  const options = { day: 'numeric', month: 'long', timeZone: 'UTC', ...(year && { year: 'numeric' }) };
  return new Intl.DateTimeFormat(language(), options).format(new Date(Date.UTC(year ?? 2000, month - 1, day)));
}

/** A card number in groups of four, as printed on the card. */
export function cardText(number) {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function known(key, fallback) {
  const text = t(key);
  return text === key ? fallback : text;
}
