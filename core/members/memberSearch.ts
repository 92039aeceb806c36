import { isValidCardNumber } from './cardNumber.ts';
import { normalizePhone } from './normalizePhone.ts';
import { searchName } from './searchName.ts';

/**
 * What a typed search may mean; storage finds members matching any of them.
 * A query of digits can be a phone in any spelling and a card number at once.
 */
export interface MemberCriteria {
  /** Part of a name, as `searchName` writes it. */
  nameContains?: string;
  /** A whole phone number, E.164. */
  phone?: string;
  /** The last digits of a phone number, as typed (`3456` finds `+37369123456`). */
  phoneEnding?: string;
  /** A whole card number, without spaces. */
  cardNumber?: string;
}

/** Fewer digits than this would match too many phones to be of use. */
const MIN_PHONE_ENDING = 4;

/** Reads what staff typed into the search box; null when it can match nothing. */
export function memberCriteria(query: string, region: string): MemberCriteria | null {
  const text = query.trim();
  if (text === '') return null;
  if (/\p{L}/u.test(text)) return { nameContains: searchName(text) };
  const digits = text.replace(/\D/g, '');
  const criteria: MemberCriteria = {};
  if (digits.length === 12 && isValidCardNumber(digits)) criteria.cardNumber = digits;
  const phone = normalizePhone(text, region);
  if (phone) criteria.phone = phone;
  // Staff read the end of a number off a receipt or a screen; an ending is what an index can find, digits from the middle are not.
  else if (!criteria.cardNumber && digits.length >= MIN_PHONE_ENDING) criteria.phoneEnding = digits;
  return Object.keys(criteria).length > 0 ? criteria : null;
}
