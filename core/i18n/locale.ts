export const locales = ['ru', 'ro', 'en'] as const;

export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The locale for a platform language tag (`ro-MD`, `ru`, `en-GB`…) or an
 * Accept-Language list (`fr-FR,ru;q=0.9`): the first language we speak,
 * otherwise the deployment's default.
 */
export function localeFromHint(hint: string | undefined, fallback: Locale): Locale {
  const languages = (hint ?? '').split(',').map((tag) => tag.trim().toLowerCase().split(/[-_;]/)[0]);
  return languages.find(isLocale) ?? fallback;
}
