import { isLocale, type Locale } from '../core/i18n/locale.ts';

/** The reader's language: `?lang=` first, then the browser's first choice, then the programme's. */
export function pageLocale(asked: string | undefined, header: string | undefined, fallback: Locale): Locale {
  if (asked && isLocale(asked)) return asked;
  const first = header?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first && isLocale(first) ? first : fallback;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
