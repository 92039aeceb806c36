export const locales = ['ru', 'ro', 'en'] as const;

export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The locale for a platform language tag (`ro-MD`, `ru`, `en-GB`…): its
 * language if we speak it, otherwise the deployment's default.
 */
export function localeFromHint(hint: string | undefined, fallback: Locale): Locale {
  const language = hint?.toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : fallback;
}
