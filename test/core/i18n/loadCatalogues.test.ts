import { describe, expect, it } from 'vitest';
import { mergeInto } from '../../../core/i18n/loadCatalogues.ts';

describe('a capability brings its texts in a file of its own', () => {
  it('merges sections of several files into one catalogue', () => {
    const catalogue: Record<string, unknown> = {};
    mergeInto(catalogue, { menu: { card: 'Card' }, console: { nav: { home: 'Home' } } }, 'translation.json', []);
    mergeInto(
      catalogue,
      { contests: { title: 'Contests' }, console: { contests: { title: 'C' } } },
      'contests.json',
      [],
    );
    expect(catalogue).toEqual({
      menu: { card: 'Card' },
      contests: { title: 'Contests' },
      console: { nav: { home: 'Home' }, contests: { title: 'C' } },
    });
  });

  it('refuses a key two files both define, naming the file and the key', () => {
    const catalogue: Record<string, unknown> = { console: { nav: { home: 'Home' } } };
    expect(() => mergeInto(catalogue, { console: { nav: { home: 'Acasă' } } }, 'locales/ro/x.json', [])).toThrow(
      'locales/ro/x.json defines "console.nav.home"',
    );
  });
});
