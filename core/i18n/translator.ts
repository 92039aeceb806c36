import i18next, { type i18n } from 'i18next';
import { loadCatalogues } from './loadCatalogues.ts';
import { locales, type Locale } from './locale.ts';

/** Translates a key with interpolation and plural `count`, in one locale. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface Translator {
  forLocale(locale: Locale): Translate;
}

/** An i18next instance of our own, so nothing depends on its global singleton. */
export function createTranslator(): Translator {
  const catalogues = loadCatalogues();
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(locales.map((lng) => [lng, { translation: catalogues[lng] }])),
    fallbackLng: false,
    supportedLngs: [...locales],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = new Map(locales.map((lng) => [lng, instance.getFixedT(lng)]));
  return {
    forLocale: (locale) => {
      const t = fixed.get(locale)!;
      return (key, vars) => String(t(key, vars as never));
    },
  };
}
