import { locales, type Locale } from '../i18n/locale.ts';
import type { LocalizedText } from './quiz.ts';

/**
 * The text in `locale`; else in the programme's default language; else in
 * any language it has, so a member never sees an empty question.
 */
export function textIn(text: LocalizedText | undefined, locale: Locale, fallback: Locale): string {
  if (!text) return '';
  const chosen = text[locale] ?? text[fallback] ?? locales.map((other) => text[other]).find(Boolean);
  return chosen ?? '';
}

/** The languages a text lacks, for the marketer's warnings. */
export function missingLocales(text: LocalizedText | undefined): Locale[] {
  return locales.filter((locale) => !text?.[locale]?.trim());
}
