import { isValidCardNumber } from '../members/cardNumber.ts';
import { normalizePhone } from '../members/normalizePhone.ts';
import type { MemberReference } from '../points/pointsPorts.ts';

export type ParsedReference =
  { ok: true; reference: MemberReference } | { ok: false; reason: 'bad-card' | 'unreadable' };

/**
 * What the cashier typed to name the member: the 6-digit one-time code from
 * the card screen, the 12-digit card number (its check digit catches a
 * typo before any lookup), or the member's phone number.
 */
export function parseMemberReference(text: string, phoneRegion: string): ParsedReference {
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(digits)) return { ok: true, reference: { code: digits } };
  if (/^\d{12}$/.test(digits)) {
    return isValidCardNumber(digits)
      ? { ok: true, reference: { cardNumber: digits } }
      : { ok: false, reason: 'bad-card' };
  }
  const phone = normalizePhone(text, phoneRegion);
  return phone ? { ok: true, reference: { phone } } : { ok: false, reason: 'unreadable' };
}
