import { loadCatalogues } from '../core/i18n/loadCatalogues.ts';
import type { Locale } from '../core/i18n/locale.ts';

/**
 * The console's own texts, the `console` section of each locale's
 * catalogue, sent to the page as they are (plural keys included: the page
 * picks the form with Intl.PluralRules, as i18next does).
 */
export function consoleTexts(locale: Locale): Record<string, unknown> {
  return (loadCatalogues()[locale].console as Record<string, unknown> | undefined) ?? {};
}
