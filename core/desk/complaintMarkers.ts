import { locales } from '../i18n/locale.ts';
import type { Translator } from '../i18n/translator.ts';

/**
 * Recognises a complaint by the word beginnings each language's catalogue
 * lists under `desk.complaintMarkers` ("refund|rude|broken…"). Every
 * language's list is tried, since people write in the language they are
 * upset in, not the one they chose. Diacritics are ignored on both sides:
 * Romanian is often typed without them.
 */
export function createComplaintMarkers(translator: Translator): (text: string) => boolean {
  const stems = new Set<string>();
  for (const locale of locales) {
    for (const stem of translator.forLocale(locale)('desk.complaintMarkers').split('|')) {
      const plain = fold(stem.trim());
      if (plain) stems.add(plain);
    }
  }
  const escaped = [...stems].map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A stem counts at the start of a word only: "rude" in "rude staff", not in "prudent".
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'u');
  return (text) => pattern.test(fold(text));
}

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}
