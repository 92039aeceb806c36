import { locales, type Locale } from '../i18n/locale.ts';
import type { ContestText } from './contest.ts';

/** The text in `locale`, else the programme's default language, else any language it has. */
export function contestText(text: ContestText | undefined, locale: Locale, fallback: Locale): string {
  if (!text) return '';
  return text[locale] ?? text[fallback] ?? locales.map((other) => text[other]).find(Boolean) ?? '';
}
