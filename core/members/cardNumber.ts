import { randomInt } from 'node:crypto';

/**
 * A new 12-digit card number: 11 random digits and a Luhn check digit, so a
 * mistyped number at the till is caught before any lookup. Never starts with 0.
 */
export function newCardNumber(): string {
  let body = String(randomInt(1, 10));
  for (let i = 0; i < 10; i++) body += String(randomInt(0, 10));
  return body + luhnCheckDigit(body);
}

export function isValidCardNumber(card: string): boolean {
  return /^\d{12}$/.test(card) && luhnCheckDigit(card.slice(0, -1)) === card.slice(-1);
}

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** `1234 5678 9012`: how a card number is shown to people. */
export function formatCardNumber(card: string): string {
  return card.replace(/(\d{4})(?=\d)/g, '$1 ');
}
