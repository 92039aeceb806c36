import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../../core/i18n/loadCatalogues.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { locales, type Locale } from '../../../core/i18n/locale.ts';

const catalogues = loadCatalogues();
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a catalogue as `dotted.key → value`. */
function flatten(node: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix + key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, leaf] of flatten(value as Record<string, unknown>, `${path}.`)) leaves.set(inner, leaf);
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

interface LogicalKey {
  /** Plural category → text; empty for a key without plurals. */
  forms: Map<string, string>;
  texts: string[];
}

/** Keys as a translator asks for them: a plural family `x_one/x_few/…` is the one key `x`. */
function logicalKeys(lng: Locale): Map<string, LogicalKey> {
  const keys = new Map<string, LogicalKey>();
  for (const [path, value] of flatten(catalogues[lng])) {
    const plural = pluralSuffix.exec(path);
    const key = plural ? path.slice(0, plural.index) : path;
    const entry: LogicalKey = keys.get(key) ?? { forms: new Map(), texts: [] };
    if (plural) entry.forms.set(plural[1]!, String(value));
    entry.texts.push(String(value));
    keys.set(key, entry);
  }
  return keys;
}

function variablesOf(texts: string[]): string[] {
  const names = texts.flatMap((text) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!));
  return [...new Set(names)].sort();
}

function pluralCategories(lng: Locale): string[] {
  return [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories].sort();
}

const pairs = locales.flatMap((a) => locales.filter((b) => b !== a).map((b) => [a, b] as const));
const unorderedPairs = pairs.filter(([a, b]) => locales.indexOf(a) < locales.indexOf(b));

describe('message catalogues', () => {
  it.each(pairs)('every key in %s exists in %s', (from, to) => {
    const missing = [...logicalKeys(from).keys()].filter((key) => !logicalKeys(to).has(key));
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s has every plural form its language needs, and no other', (lng) => {
    const wrong = [...logicalKeys(lng)]
      .filter(([, entry]) => entry.forms.size > 0)
      .map(([key, entry]) => ({ key, forms: [...entry.forms.keys()].sort() }))
      .filter(({ forms }) => forms.join() !== pluralCategories(lng).join());
    expect(wrong).toEqual([]);
  });

  it.each(pairs)('a key that is a plural family in %s is one in %s too', (from, to) => {
    const plural = (lng: Locale) =>
      [...logicalKeys(lng)].filter(([, entry]) => entry.forms.size > 0).map(([key]) => key);
    expect(plural(from).filter((key) => !plural(to).includes(key))).toEqual([]);
  });

  it.each(locales)('%s has no empty or non-string messages', (lng) => {
    const empty = [...flatten(catalogues[lng])]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(unorderedPairs)('%s and %s interpolate the same variables in each message', (a, b) => {
    const theirs = logicalKeys(b);
    const differing = [...logicalKeys(a)]
      .filter(([key]) => theirs.has(key))
      .map(([key, entry]) => ({ key, here: variablesOf(entry.texts), there: variablesOf(theirs.get(key)!.texts) }))
      .filter(({ here, there }) => here.join() !== there.join());
    expect(differing).toEqual([]);
  });
});

describe('plural forms of points', () => {
  const points = (lng: Locale, count: number) => createTranslator().forLocale(lng)('points', { count });

  it.each([
    [1, '1 балл'],
    [2, '2 балла'],
    [5, '5 баллов'],
    [11, '11 баллов'],
    [21, '21 балл'],
    [22, '22 балла'],
    [111, '111 баллов'],
  ])('Russian: %i is "%s"', (count, text) => {
    expect(points('ru', count)).toBe(text);
  });

  it.each([
    [1, '1 punct'],
    [2, '2 puncte'],
    [19, '19 puncte'],
    [20, '20 de puncte'],
    [101, '101 puncte'],
  ])('Romanian: %i is "%s"', (count, text) => {
    expect(points('ro', count)).toBe(text);
  });

  it.each([
    [1, '1 point'],
    [2, '2 points'],
  ])('English: %i is "%s"', (count, text) => {
    expect(points('en', count)).toBe(text);
  });
});
