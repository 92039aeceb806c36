import type { Translate } from '../i18n/translator.ts';
import { locales } from '../i18n/locale.ts';
import { message, type Button, type Outbound } from '../outbound.ts';
import { payload } from '../payloads.ts';

/** One row with every language we speak, each named in itself. */
export function languageButtons(t: Translate): Button[] {
  return locales.map((locale) => ({ label: t(`language.name.${locale}`), payload: payload.language(locale) }));
}

/** The languages to choose from, and any rows that lead elsewhere (a member's way back to the menu). */
export function languagePicker(t: Translate, more: Button[][] = []): Outbound {
  return message(t('language.choose'), [languageButtons(t), ...more]);
}
