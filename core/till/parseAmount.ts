/** The largest receipt the till accepts: 1 000 000.00 in minor units; more is a typo. */
export const MAX_AMOUNT = 100_000_000;

export type ParsedAmount =
  { ok: true; minorUnits: number } | { ok: false; reason: 'unreadable' | 'not-positive' | 'too-large' };

// Digits, optionally grouped by spaces (1 250,50), then at most two decimals after `.` or `,`.
const amountPattern = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * An amount of money as a person types it at the till (`125.50`, `125,50`,
 * `125`, `1 250`) in minor units. The digits are read as integers, never
 * through a float, so no amount is ever a cent off. Signs, exponents and
 * more than two decimals are refused rather than guessed.
 */
export function parseAmount(text: string): ParsedAmount {
  const trimmed = text.trim();
  if (/^-\s*\d/.test(trimmed)) return { ok: false, reason: 'not-positive' };
  const match = amountPattern.exec(trimmed);
  if (!match) return { ok: false, reason: 'unreadable' };
  const whole = match[1]!.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  // Too many digits to be a receipt, and too many to convert exactly.
  if (whole.length > 9) return { ok: false, reason: 'too-large' };
  const minorUnits = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (minorUnits <= 0) return { ok: false, reason: 'not-positive' };
  if (minorUnits > MAX_AMOUNT) return { ok: false, reason: 'too-large' };
  return { ok: true, minorUnits };
}
