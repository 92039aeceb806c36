import { describe, expect, it } from 'vitest';
import { formatCardNumber, isValidCardNumber, newCardNumber } from '../../../core/members/cardNumber.ts';

// 79927398713 is the textbook Luhn example; a leading zero keeps it valid.
const knownValid = '079927398713';

/** Every number that differs from `card` in exactly one digit. */
function singleDigitTypos(card: string): string[] {
  return [...card].flatMap((digit, i) =>
    '0123456789'
      .split('')
      .filter((other) => other !== digit)
      .map((other) => card.slice(0, i) + other + card.slice(i + 1)),
  );
}

describe('newCardNumber', () => {
  const samples = Array.from({ length: 200 }, () => newCardNumber());

  it('issues 12 digits that never start with 0', () => {
    expect(samples.filter((card) => !/^[1-9]\d{11}$/.test(card))).toEqual([]);
  });

  it('issues numbers that pass the Luhn check', () => {
    expect(samples.filter((card) => !isValidCardNumber(card))).toEqual([]);
  });

  it('issues different numbers', () => {
    expect(new Set(samples).size).toBe(samples.length);
  });
});

describe('isValidCardNumber', () => {
  it('accepts a number with a correct Luhn digit', () => {
    expect(isValidCardNumber(knownValid)).toBe(true);
  });

  it('catches every single mistyped digit', () => {
    const accepted = singleDigitTypos(knownValid).filter(isValidCardNumber);
    expect(accepted).toEqual([]);
  });

  it('catches every single mistyped digit of an issued number', () => {
    const card = newCardNumber();
    expect(singleDigitTypos(card).filter(isValidCardNumber)).toEqual([]);
  });

  it.each([['07992739871'], ['0799273987130'], ['07992739871a'], ['']])(
    'refuses %j, which is not 12 digits',
    (card) => {
      expect(isValidCardNumber(card)).toBe(false);
    },
  );
});

describe('formatCardNumber', () => {
  it('groups the digits in fours', () => {
    expect(formatCardNumber('123456789012')).toBe('1234 5678 9012');
  });
});
