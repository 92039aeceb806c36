import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/translator.ts';
import { NAME_MAX_LENGTH } from '../members/validateName.ts';

/** What a campaign's text may name about the member who reads it. */
export const placeholders = ['name', 'balance', 'tier'] as const;
export type Placeholder = (typeof placeholders)[number];

const PATTERN = /\{([a-zA-Z_]+)\}/g;

/** The longest each can become, so a text's length is checked for every member before anything is sent. */
const longest: Record<Placeholder, number> = { name: NAME_MAX_LENGTH, balance: 15, tier: 40 };

export interface PlaceholderValues {
  name: string;
  balance: number;
  /** The tier's code; shown by its name in the member's language. */
  tier: string | null;
}

/** Placeholders a text uses that do not exist (`{nmae}`), for the marketer's error. */
export function unknownPlaceholders(text: string): string[] {
  const known = placeholders as readonly string[];
  return [...text.matchAll(PATTERN)].map((match) => match[1]!).filter((name) => !known.includes(name));
}

/** The text's length once every placeholder holds its longest value. */
export function longestLength(text: string): number {
  return text.replace(PATTERN, (whole, name: string) => ' '.repeat(longest[name as Placeholder] ?? whole.length))
    .length;
}

/** The text as one member reads it. */
export function fillPlaceholders(text: string, values: PlaceholderValues, locale: Locale, t: Translate): string {
  return placeholderFiller(locale, t)(text, values);
}

/**
 * `fillPlaceholders` for many members of one language: the number format
 * and the tiers' names are made once, not once per member (a fan-out fills
 * 100,000 texts, and an `Intl.NumberFormat` or a `t()` look-up each is most
 * of its time).
 */
export function placeholderFiller(locale: Locale, t: Translate): (text: string, values: PlaceholderValues) => string {
  const numbers = new Intl.NumberFormat(locale);
  const tierNames = new Map<string, string>();
  const tierName = (code: string) => {
    let name = tierNames.get(code);
    if (name === undefined) tierNames.set(code, (name = t(`tier.${code}`, { defaultValue: code })));
    return name;
  };
  return (text, values) =>
    text.replace(PATTERN, (whole, name: string) => {
      if (name === 'name') return values.name;
      if (name === 'balance') return numbers.format(values.balance);
      if (name === 'tier') return values.tier ? tierName(values.tier) : '—';
      return whole;
    });
}
