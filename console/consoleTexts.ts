import { readFileSync } from 'node:fs';
import type { Locale } from '../core/i18n/locale.ts';

/**
 * The console's own texts, the `console` section of each locale's
 * catalogue, sent to the page as they are (plural keys included: the page
 * picks the form with Intl.PluralRules, as i18next does).
 */
export function consoleTexts(locale: Locale): Record<string, unknown> {
  const catalogue = JSON.parse(
    readFileSync(new URL(`../locales/${locale}/translation.json`, import.meta.url), 'utf8'),
  ) as { console?: Record<string, unknown> };
  return catalogue.console ?? {};
}
