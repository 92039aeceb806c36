import { describe, expect, it } from 'vitest';
import {
  newReferralCode,
  normalizeReferralCode,
  referralCodeFromStart,
  startPayloadFor,
} from '../../../core/referral/referralCode.ts';

describe('invitation codes', () => {
  it('are 8 characters that cannot be mistaken for one another', () => {
    for (let i = 0; i < 200; i++) expect(newReferralCode()).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  });

  it('are read from a /start deep-link payload whatever the case', () => {
    expect(referralCodeFromStart('ref_AB7KQ2MZ')).toBe('AB7KQ2MZ');
    expect(referralCodeFromStart('REF_ab7kq2mz')).toBe('AB7KQ2MZ');
  });

  it('are not read from other /start payloads', () => {
    expect(referralCodeFromStart(undefined)).toBeNull();
    expect(referralCodeFromStart('')).toBeNull();
    expect(referralCodeFromStart('promo_AB7KQ2MZ')).toBeNull();
    expect(referralCodeFromStart('ref_')).toBeNull();
    expect(referralCodeFromStart('ref_<script>')).toBeNull();
  });

  it('forgive blanks and dashes typed into them', () => {
    expect(normalizeReferralCode(' ab7k-q2mz ')).toBe('AB7KQ2MZ');
  });

  it('travel in a Telegram start parameter (A–Z, a–z, 0–9, _ and -; at most 64)', () => {
    const payload = startPayloadFor(newReferralCode());
    expect(payload).toMatch(/^[\w-]{1,64}$/);
    expect(referralCodeFromStart(payload)).toBe(payload.slice(4));
  });
});
