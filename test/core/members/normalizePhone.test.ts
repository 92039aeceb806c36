import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../core/members/normalizePhone.ts';

describe('normalizePhone', () => {
  it('reads a Moldovan national number in the programme region', () => {
    expect(normalizePhone('069123456', 'MD')).toBe('+37369123456');
  });

  it('reads a national number with spaces', () => {
    expect(normalizePhone(' 069 12 34 56 ', 'MD')).toBe('+37369123456');
  });

  it('reads an international number with spaces', () => {
    expect(normalizePhone('+40 721 234 567', 'MD')).toBe('+40721234567');
  });

  it('reads an international number with the 00 prefix', () => {
    expect(normalizePhone('0040721234567', 'MD')).toBe('+40721234567');
  });

  it("reads Telegram's shared contact, which comes without the plus", () => {
    expect(normalizePhone('37369123456', 'MD')).toBe('+37369123456');
  });

  it('reads a national number in another programme region', () => {
    expect(normalizePhone('0721 234 567', 'RO')).toBe('+40721234567');
  });

  it('refuses a number too short to be a phone', () => {
    expect(normalizePhone('12345', 'MD')).toBeNull();
  });

  it('refuses letters', () => {
    expect(normalizePhone('call me maybe', 'MD')).toBeNull();
  });

  it('refuses a number with too many digits', () => {
    expect(normalizePhone('+3736912345678901234', 'MD')).toBeNull();
  });

  it('refuses a very long input without parsing it', () => {
    expect(normalizePhone(`+373 69 123 456${' '.repeat(40)}x`, 'MD')).toBeNull();
  });

  it('refuses an empty answer', () => {
    expect(normalizePhone('   ', 'MD')).toBeNull();
  });
});
