import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;
/** How long a code the till shows stays valid: the customer types it while still at the counter. */
export const LINK_CODE_LIFETIME_MS = 15 * 60 * 1000;

/**
 * A one-time code that connects a chat to a card, for a member who cannot
 * prove their number in a messenger (enrolled at the till, a web chat):
 * about 8·10¹¹ possibilities, short-lived, and tried at most a few times an
 * hour per chat, so it cannot be guessed.
 */
export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(0, ALPHABET.length)];
  return code;
}

/** `ABCD-EFGH`, as the till shows it. */
export function formatLinkCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The code in what a person typed (blanks and dashes dropped, any case), or
 * null when it cannot be one. A code has a letter, so no phone number is
 * ever read as one.
 */
export function linkCodeIn(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== LENGTH || !/[A-Z]/.test(code)) return null;
  return [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}
