import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read aloud or typed from a phone screen survives. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 10;

/** A fresh prize code, `PRZ-XXXXX-XXXXX` once formatted: about 49 bits, never guessed at a till's pace. */
export function newPrizeCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** `PRZ-ABCDE-FGHJK`, as the member reads it and the cashier types it. */
export function formatPrizeCode(code: string): string {
  return `PRZ-${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a cashier typed, as stored: case, spaces, dashes and the `PRZ` prefix do not matter. */
export function normalizePrizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/^PRZ/, '');
}
