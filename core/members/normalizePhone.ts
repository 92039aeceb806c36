import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * The E.164 form of a phone number typed or shared by a person, or null when
 * it is not a valid number. Numbers without a country code are read in the
 * programme's region (`069…` in Moldova).
 */
export function normalizePhone(input: string, region: string): string | null {
  const cleaned = input.trim();
  if (cleaned.length < 5 || cleaned.length > 32) return null;
  // Telegram shares contacts without the leading plus.
  const withPlus = /^\d{11,15}$/.test(cleaned) && !cleaned.startsWith('0') ? `+${cleaned}` : cleaned;
  const parsed = parsePhoneNumberFromString(withPlus, region as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
