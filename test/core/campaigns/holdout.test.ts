// The holdout draw: each member's chance is the percentage asked, the same
// seed always draws the same members, and another seed draws others.
import { describe, expect, it } from 'vitest';
import { isHeldOut, newHoldoutSeed } from '../../../core/campaigns/holdout.ts';

const members = Array.from({ length: 20_000 }, (_, i) => `member-${i}`);

describe('the holdout draw', () => {
  it('holds out about the share asked, within what chance allows (±5 standard deviations)', () => {
    for (const percent of [5, 10, 30]) {
      const seed = newHoldoutSeed();
      const drawn = members.filter((id) => isHeldOut(seed, id, percent)).length;
      const expected = (members.length * percent) / 100;
      const sd = Math.sqrt(members.length * (percent / 100) * (1 - percent / 100));
      expect(Math.abs(drawn - expected)).toBeLessThan(5 * sd);
    }
  });

  it('is recomputable from the seed alone, and differs between seeds', () => {
    const seed = newHoldoutSeed();
    const first = members.filter((id) => isHeldOut(seed, id, 10));
    expect(members.filter((id) => isHeldOut(seed, id, 10))).toEqual(first);
    const other = members.filter((id) => isHeldOut(newHoldoutSeed(), id, 10));
    expect(other).not.toEqual(first);
  });

  it('holds out nobody at 0%', () => {
    expect(members.some((id) => isHeldOut('seed', id, 0))).toBe(false);
  });
});
