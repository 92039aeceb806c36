import type { Locale } from '../i18n/locale.ts';

const intlLocale: Record<Locale, string> = { ru: 'ru-RU', ro: 'ro-MD', en: 'en-GB' };

/** A time of day as people of that language write it (`20:34`), in the programme's time zone. */
export function formatTime(date: Date, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { hour: '2-digit', minute: '2-digit', timeZone: timezone }).format(
    date,
  );
}

/** A date as people of that language write it, in the programme's time zone. */
export function formatDate(date: Date, locale: Locale, timezone: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: timezone }).format(date);
}
