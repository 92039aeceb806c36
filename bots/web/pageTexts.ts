import type { Translate } from '../../core/i18n/translator.ts';
import type { Locale } from '../../core/i18n/locale.ts';

/** The page's own texts (header, placeholder, Send, notices), under their `webchat.` keys. */
const keys = [
  'title',
  'placeholder',
  'send',
  'offline',
  'unavailable',
  'failed',
  'you',
  'assistant',
  'imageAlt',
  'clear',
  'cleared',
  'codeHidden',
  'menu',
  'closeMenu',
  'attach',
  'photoSent',
  'photoTooLarge',
  'photoLost',
  'captionPlaceholder',
  'photoReady',
  'removePhoto',
  'opensInNewTab',
] as const;

export interface PageTexts {
  lang: Locale;
  texts: Record<(typeof keys)[number], string>;
}

/**
 * Sent with every answer, so that when the visitor switches language the
 * page re-labels itself at once instead of on the next reload.
 */
export function pageTexts(t: Translate, locale: Locale): PageTexts {
  return {
    lang: locale,
    texts: Object.fromEntries(keys.map((key) => [key, t(`webchat.${key}`)])) as PageTexts['texts'],
  };
}
