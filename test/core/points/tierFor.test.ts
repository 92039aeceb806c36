import { describe, expect, it } from 'vitest';
import { tierFor } from '../../../core/points/tierFor.ts';
import { defaultProgramRules, programRulesSchema } from '../../../core/program/programRules.ts';

const spent = (lifetimeSpend: number) => ({ lifetimeSpend, lifetimeEarned: 0 });
const tierOf = (lifetimeSpend: number) => tierFor(defaultProgramRules, spent(lifetimeSpend)).code;

describe('tierFor', () => {
  it('puts a member who has spent nothing in the first tier', () => {
    expect(tierOf(0)).toBe('bronze');
  });

  it('reaches a tier at exactly its threshold', () => {
    expect(tierOf(500_000)).toBe('silver');
  });

  it('keeps a member one minor unit short of a threshold in the tier below', () => {
    expect(tierOf(499_999)).toBe('bronze');
  });

  it('keeps a member far beyond the last threshold in the last tier', () => {
    expect(tierOf(900_000_000)).toBe('vip');
  });

  it('walks up every tier as lifetime spend grows', () => {
    expect([0, 500_000, 2_000_000, 5_000_000].map(tierOf)).toEqual(['bronze', 'silver', 'gold', 'vip']);
  });

  it('decides by lifetime points earned when the programme says so', () => {
    const rules = programRulesSchema.parse({
      tierBasis: 'earned',
      tiers: [
        { code: 'bronze', threshold: 0, earnPercent: 3, discountPercent: 0 },
        { code: 'silver', threshold: 1000, earnPercent: 5, discountPercent: 3 },
      ],
    });
    expect([
      tierFor(rules, { lifetimeSpend: 0, lifetimeEarned: 1000 }).code,
      tierFor(rules, { lifetimeSpend: 9_000_000, lifetimeEarned: 999 }).code,
    ]).toEqual(['silver', 'bronze']);
  });

  it('never looks at the spendable balance', () => {
    const rich = { ...spent(0), balance: 10_000_000 };
    const broke = { ...spent(2_000_000), balance: 0 };
    expect([tierFor(defaultProgramRules, rich).code, tierFor(defaultProgramRules, broke).code]).toEqual([
      'bronze',
      'gold',
    ]);
  });
});
