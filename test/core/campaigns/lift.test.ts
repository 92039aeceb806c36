// The lift arithmetic against cases worked by hand: p = hits / total,
// se = √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂), interval = lift ± 1.96·se.
import { describe, expect, it } from 'vitest';
import { purchaseLift } from '../../../core/campaigns/lift.ts';

describe('purchase lift with its 95% interval', () => {
  it('12% of 1,000 recipients against 8% of 1,000 held out: +4 points, 1.38 to 6.62', () => {
    // se = √(0.12·0.88/1000 + 0.08·0.92/1000) = √0.0001792 = 0.013387; 1.96·se = 0.026238.
    const lift = purchaseLift({ hits: 120, total: 1000 }, { hits: 80, total: 1000 })!;
    expect(lift.lift).toBeCloseTo(0.04, 10);
    expect(lift.ci95[0]).toBeCloseTo(0.013763, 5);
    expect(lift.ci95[1]).toBeCloseTo(0.066237, 5);
  });

  it('a small holdout widens the interval until it spans zero: 10% of 300 against 5% of 40', () => {
    // se = √(0.1·0.9/300 + 0.05·0.95/40) = √0.0014875 = 0.038568; 1.96·se = 0.075592.
    const lift = purchaseLift({ hits: 30, total: 300 }, { hits: 2, total: 40 })!;
    expect(lift.lift).toBeCloseTo(0.05, 10);
    expect(lift.ci95[0]).toBeCloseTo(-0.025592, 5);
    expect(lift.ci95[1]).toBeCloseTo(0.125592, 5);
  });

  it('equal rates give no lift and an interval centred on zero', () => {
    const lift = purchaseLift({ hits: 5, total: 50 }, { hits: 5, total: 50 })!;
    expect(lift.lift).toBe(0);
    expect(lift.ci95[0]).toBeCloseTo(-0.117598, 5);
    expect(lift.ci95[1]).toBeCloseTo(0.117598, 5);
  });

  it('nobody buying in either group is a lift of exactly zero, with no spread', () => {
    expect(purchaseLift({ hits: 0, total: 200 }, { hits: 0, total: 20 })).toEqual({ lift: 0, ci95: [0, 0] });
  });

  it('says nothing when a group is empty (no holdout, or nobody sent yet)', () => {
    expect(purchaseLift({ hits: 3, total: 30 }, { hits: 0, total: 0 })).toBeNull();
    expect(purchaseLift({ hits: 0, total: 0 }, { hits: 1, total: 10 })).toBeNull();
  });
});
