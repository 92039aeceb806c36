import { describe, expect, it } from 'vitest';
import { isLocale, localeFromHint } from '../../../core/i18n/locale.ts';

describe('localeFromHint', () => {
  it.each([
    ['ro-MD', 'ro'],
    ['ru', 'ru'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
    ['RO', 'ro'],
  ])('reads %s as %s', (hint, locale) => {
    expect(localeFromHint(hint, 'ru')).toBe(locale);
  });

  it.each([['de-DE'], ['uk'], [''], ['-ru']])(
    'falls back to the default for a language we do not speak (%j)',
    (hint) => {
      expect(localeFromHint(hint, 'ro')).toBe('ro');
    },
  );

  it('falls back to the default when the platform gives no hint', () => {
    expect(localeFromHint(undefined, 'en')).toBe('en');
  });
});

describe('isLocale', () => {
  it.each(['ru', 'ro', 'en'])('accepts %s', (value) => {
    expect(isLocale(value)).toBe(true);
  });

  it.each(['de', 'RU', 'ru-RU', '', undefined, 1])('refuses %j', (value) => {
    expect(isLocale(value)).toBe(false);
  });
});
