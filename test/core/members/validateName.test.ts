import { describe, expect, it } from 'vitest';
import { validateName } from '../../../core/members/validateName.ts';

describe('validateName', () => {
  it.each([['Anna'], ['Анна'], ['Ștefan'], ['Jean-Luc'], ["O'Brien"], ['Anna Maria']])('accepts %s', (name) => {
    expect(validateName(name)).toBe(name);
  });

  it('trims and collapses whitespace', () => {
    expect(validateName('  Anna \t  Maria \n')).toBe('Anna Maria');
  });

  it('accepts a name of 60 characters', () => {
    expect(validateName('A'.repeat(60))).toBe('A'.repeat(60));
  });

  it('refuses a name longer than 60 characters', () => {
    expect(validateName('A'.repeat(61))).toBeNull();
  });

  it.each([[''], ['   '], ['😀'], ['...']])('refuses %j, which has no letter', (text) => {
    expect(validateName(text)).toBeNull();
  });

  it.each([['Anna1'], ['+37369123456'], ['anna@example.com'], ['<b>Anna</b>'], ['{{name}}'], ['a/b']])(
    'refuses %j, which holds digits or markup',
    (text) => {
      expect(validateName(text)).toBeNull();
    },
  );
});
