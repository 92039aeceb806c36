import { describe, expect, it } from 'vitest';
import { defaultProgramRules, programRulesSchema } from '../../../core/program/programRules.ts';

const tier = (code: string, threshold: number) => ({ code, threshold, earnPercent: 3, discountPercent: 0 });

/** The messages of the issues a rules document raises, or [] when it is valid. */
function problemsWith(rules: unknown): string[] {
  const result = programRulesSchema.safeParse(rules);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the programme rules', () => {
  describe('defaults', () => {
    it('counts money in Moldovan lei with one point worth one leu', () => {
      expect([defaultProgramRules.currency, defaultProgramRules.pointValue]).toEqual(['MDL', 100]);
    });

    it('decides tiers by lifetime spend', () => {
      expect(defaultProgramRules.tierBasis).toBe('spend');
    });

    it('grows earning and discount through bronze, silver, gold and VIP', () => {
      expect(defaultProgramRules.tiers.map((t) => [t.code, t.threshold, t.earnPercent, t.discountPercent])).toEqual([
        ['bronze', 0, 3, 0],
        ['silver', 500_000, 5, 3],
        ['gold', 2_000_000, 7, 5],
        ['vip', 5_000_000, 10, 10],
      ]);
    });

    it('lets points pay for at most half of a receipt', () => {
      expect(defaultProgramRules.maxRedeemPercent).toBe(50);
    });

    it('makes every 6th purchase free on the stamp card, whatever its amount', () => {
      expect(defaultProgramRules.stampCard).toEqual({ enabled: true, every: 6, minAmount: 0 });
    });

    it('keeps points for a year and reminds two weeks before they expire', () => {
      expect([defaultProgramRules.pointsLifetimeDays, defaultProgramRules.expiryReminderDays]).toEqual([365, 14]);
    });

    it('keeps a one-time till code valid for five minutes', () => {
      expect(defaultProgramRules.codeLifetimeMinutes).toBe(5);
    });
  });

  it('completes rules saved before a field existed with that field’s default', () => {
    const rules = programRulesSchema.parse({ maxRedeemPercent: 30 });
    expect(rules).toEqual({ ...defaultProgramRules, maxRedeemPercent: 30 });
  });

  it('accepts a single tier that starts at 0', () => {
    expect(problemsWith({ tiers: [tier('member', 0)] })).toEqual([]);
  });

  it('refuses a first tier that does not start at 0', () => {
    expect(problemsWith({ tiers: [tier('bronze', 100), tier('silver', 500)] })).toEqual([
      'tiers.0.threshold: the first tier must start at 0',
    ]);
  });

  it('refuses two tiers with the same threshold, at the second of them', () => {
    expect(problemsWith({ tiers: [tier('bronze', 0), tier('silver', 500), tier('gold', 500)] })).toEqual([
      'tiers.2.threshold: tier thresholds must increase strictly',
    ]);
  });

  it('refuses tiers listed with decreasing thresholds, at the first that falls', () => {
    expect(problemsWith({ tiers: [tier('bronze', 0), tier('gold', 2000), tier('silver', 500)] })).toEqual([
      'tiers.2.threshold: tier thresholds must increase strictly',
    ]);
  });

  it('refuses two tiers with the same code, at the repeated one', () => {
    expect(problemsWith({ tiers: [tier('bronze', 0), tier('bronze', 500)] })).toEqual([
      'tiers.1.code: tier codes must be unique',
    ]);
  });

  it('refuses an empty list of tiers', () => {
    expect(problemsWith({ tiers: [] })).not.toEqual([]);
  });

  it('refuses a tier code that is not a lower-case identifier', () => {
    expect(problemsWith({ tiers: [tier('Gold Club', 0)] })).not.toEqual([]);
  });

  it.each([
    ['a fractional earn percentage', { tiers: [{ ...tier('bronze', 0), earnPercent: 2.5 }] }],
    ['an earn percentage above 100', { tiers: [{ ...tier('bronze', 0), earnPercent: 101 }] }],
    ['a negative discount', { tiers: [{ ...tier('bronze', 0), discountPercent: -1 }] }],
    ['a redemption share above 100 %', { maxRedeemPercent: 120 }],
    ['a point worth nothing', { pointValue: 0 }],
    ['a stamp card where every purchase is free', { stampCard: { enabled: true, every: 1, minAmount: 0 } }],
    ['a one-time code valid for more than an hour', { codeLifetimeMinutes: 61 }],
    ['a currency that is not an ISO 4217 code', { currency: 'lei' }],
    ['a programme name on two lines', { name: 'Luna\nClub' }],
    ['a programme name longer than 60 characters', { name: 'L'.repeat(61) }],
  ])('refuses %s', (_name, rules) => {
    expect(problemsWith(rules)).not.toEqual([]);
  });

  it('keeps the programme’s name without the spaces around it, and none by default', () => {
    expect(programRulesSchema.parse({ name: '  Luna Club ' }).name).toBe('Luna Club');
    expect(defaultProgramRules.name).toBe('');
  });
});
