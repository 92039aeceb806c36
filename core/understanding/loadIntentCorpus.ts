import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { locales, type Locale } from '../i18n/locale.ts';
import type { IntentCorpus } from './understandingPorts.ts';

const localesDir = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Reads `locales/<lng>/intents.json`, beside each language's translations, for every locale we speak. */
export function loadIntentCorpus(): IntentCorpus {
  const entries = locales.map((lng): [Locale, Record<string, string[]>] => [
    lng,
    JSON.parse(readFileSync(`${localesDir}${lng}/intents.json`, 'utf8')) as Record<string, string[]>,
  ]);
  return Object.fromEntries(entries) as unknown as IntentCorpus;
}
