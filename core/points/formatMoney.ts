import type { Locale } from '../i18n/locale.ts';

const intlLocale: Record<Locale, string> = { ru: 'ru-MD', ro: 'ro-MD', en: 'en-GB' };

/** An amount in minor units as people read it: `1 234,50 MDL`. */
export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency, currencyDisplay: 'code' }).format(minorUnits / 100);
}
