import { createHmac, randomBytes } from 'node:crypto';

/** A fresh secret for one campaign's draw. */
export function newHoldoutSeed(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Whether a member is in the holdout group: the first 48 bits of
 * HMAC-SHA256(seed, memberId) as a fraction of 2^48, below `percent` / 100.
 * Each member's chance is `percent` whatever their place in the segment, the
 * draw needs no state (a restart or a second instance draws the same), and
 * anyone given the seed can recompute who was held out.
 */
export function isHeldOut(seed: string, memberId: string, percent: number): boolean {
  if (percent <= 0) return false;
  const digest = createHmac('sha256', seed).update(memberId).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48 < percent / 100;
}
