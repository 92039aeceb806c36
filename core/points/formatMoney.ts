import type { Locale } from '../i18n/locale.ts';

const intlLocale: Record<Locale, string> = { ru: 'ru-MD', ro: 'ro-MD', en: 'en-GB' };
// Building an Intl formatter costs far more than using one; every purchase message formats money.
const formatters = new Map<string, Intl.NumberFormat>();

/** An amount in minor units as people read it: `1 234,50 MDL`. */
export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency, currencyDisplay: 'code' });
    formatters.set(key, formatter);
  }
  return formatter.format(minorUnits / 100);
}
