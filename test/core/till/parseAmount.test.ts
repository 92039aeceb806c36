import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, parseAmount } from '../../../core/till/parseAmount.ts';

describe('reading an amount typed at the till', () => {
  it.each([
    ['125.50', 12_550],
    ['125,50', 12_550],
    ['125', 12_500],
    ['125.5', 12_550],
    ['125,05', 12_505],
    ['0.01', 1],
    [' 42 ', 4_200],
    ['1 250,50', 125_050],
    ['1\u00a0250', 125_000],
    ['0.29', 29],
    ['1000000', MAX_AMOUNT],
  ])('reads "%s" as %i minor units, exactly', (typed, minorUnits) => {
    expect(parseAmount(typed)).toEqual({ ok: true, minorUnits });
  });

  it.each(['0', '0,00', '-1', '-125.50', '- 5'])('refuses "%s" as not more than zero', (typed) => {
    expect(parseAmount(typed)).toEqual({ ok: false, reason: 'not-positive' });
  });

  it.each(['abc', '1e3', '12.345', '', '12.', '.5', '1,2,3', '12 34', '+5', '0x10', 'Infinity', '١٢٣'])(
    'refuses "%s" as unreadable',
    (typed) => {
      expect(parseAmount(typed)).toEqual({ ok: false, reason: 'unreadable' });
    },
  );

  it.each(['1000000.01', '99999999999', '9007199254740993', '1'.repeat(400)])(
    'refuses "%s" as absurdly large',
    (typed) => {
      expect(parseAmount(typed)).toEqual({ ok: false, reason: 'too-large' });
    },
  );
});
