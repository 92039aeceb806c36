import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { locales, type Locale } from './locale.ts';

type Catalogue = Record<string, unknown>;

const localesDir = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Language-understanding data, not texts to show. */
const notTexts = new Set(['intents.json']);

/**
 * Every locale's texts, from `locales/<lng>/*.json`: `translation.json`
 * plus one file per capability (`contests.json`, …), so a new capability
 * brings its texts in a file of its own instead of editing a shared one.
 * The files are merged into one catalogue; a key that two files both
 * define stops start-up, since one of them would silently be lost.
 */
export function loadCatalogues(): Record<Locale, Catalogue> {
  return Object.fromEntries(locales.map((lng) => [lng, loadCatalogue(lng)])) as Record<Locale, Catalogue>;
}

function loadCatalogue(lng: Locale): Catalogue {
  const files = readdirSync(`${localesDir}${lng}`)
    .filter((name) => name.endsWith('.json') && !notTexts.has(name))
    .sort((a, b) => (a === 'translation.json' ? -1 : b === 'translation.json' ? 1 : a.localeCompare(b)));
  const catalogue: Catalogue = {};
  for (const name of files) {
    const texts = JSON.parse(readFileSync(`${localesDir}${lng}/${name}`, 'utf8')) as Catalogue;
    mergeInto(catalogue, texts, `locales/${lng}/${name}`, []);
  }
  return catalogue;
}

export function mergeInto(target: Catalogue, source: Catalogue, file: string, path: string[]): void {
  for (const [key, value] of Object.entries(source)) {
    const here = target[key];
    if (here === undefined) {
      target[key] = value;
    } else if (isSection(here) && isSection(value)) {
      mergeInto(here, value, file, [...path, key]);
    } else {
      throw new Error(
        `${file} defines "${[...path, key].join('.')}", which another file in that folder already defines`,
      );
    }
  }
}

function isSection(value: unknown): value is Catalogue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
