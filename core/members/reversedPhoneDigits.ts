/**
 * A phone's digits read backwards: `+37369123456` becomes `65432196373`.
 * Stored beside the phone, it turns "the number ends in 3456" into "this
 * column starts with 6543", which an ordinary index answers on SQLite and
 * PostgreSQL alike; a search for digits inside the number would read every
 * phone.
 */
export function reversedPhoneDigits(phone: string | null): string | null {
  if (phone === null) return null;
  return phone.replace(/\D/g, '').split('').reverse().join('') || null;
}
