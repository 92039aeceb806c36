import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when typed (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;
const START_PREFIX = 'ref_';

/** A new random invitation code: 8 characters, about 8·10¹¹ possibilities. */
export function newReferralCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(0, ALPHABET.length)];
  return code;
}

/**
 * A code as a person or a link gives it, in the form it is stored in:
 * upper case, blanks and dashes dropped. Null when it cannot be a code.
 */
export function normalizeReferralCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{4,16}$/.test(code) ? code : null;
}

/** The code in a `/start ref_<code>` deep-link payload; null for any other payload. */
export function referralCodeFromStart(payload: string | undefined): string | null {
  const trimmed = payload?.trim() ?? '';
  if (!trimmed.toLowerCase().startsWith(START_PREFIX)) return null;
  return normalizeReferralCode(trimmed.slice(START_PREFIX.length));
}

/** The `/start` payload that carries a code: `ref_<code>`. */
export function startPayloadFor(code: string): string {
  return `${START_PREFIX}${code}`;
}
