import type { Translate } from '../i18n/translator.ts';
import { locales } from '../i18n/locale.ts';
import type { Button } from '../outbound.ts';
import { message, type Outbound } from '../outbound.ts';
import { payload } from '../payloads.ts';

/** One row with every language we speak, each named in itself. */
export function languageButtons(t: Translate): Button[] {
  return locales.map((locale) => ({ label: t(`language.name.${locale}`), payload: payload.language(locale) }));
}

export function languagePicker(t: Translate): Outbound {
  return message(t('language.choose'), [languageButtons(t)]);
}
