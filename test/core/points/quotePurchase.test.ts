import { describe, expect, it } from 'vitest';
import { quotePurchase, type PurchaseQuote, type PurchaseQuoteInput } from '../../../core/points/quotePurchase.ts';
import { defaultProgramRules, programRulesSchema, type ProgramRules } from '../../../core/program/programRules.ts';

// Lifetime spend at which the default tiers start (minor units).
const bronze = 0;
const silver = 500_000;
const gold = 2_000_000;
const vip = 5_000_000;

type Accepted = Extract<PurchaseQuote, { ok: true }>;

function quote(input: Partial<PurchaseQuoteInput>, rules: ProgramRules = defaultProgramRules): PurchaseQuote {
  return quotePurchase(rules, {
    amount: 10_000,
    balance: 0,
    stamps: 0,
    redeemPoints: 0,
    lifetimeSpend: bronze,
    lifetimeEarned: 0,
    ...input,
  });
}

function accepted(input: Partial<PurchaseQuoteInput>, rules: ProgramRules = defaultProgramRules): Accepted {
  const result = quote(input, rules);
  if (!result.ok) throw new Error(`expected the purchase to be accepted, it was refused: ${result.reason}`);
  return result;
}

const rulesWith = (overrides: Record<string, unknown>) => programRulesSchema.parse(overrides);

describe('quotePurchase', () => {
  describe('discount', () => {
    it('rounds 3 % of 12345 down to 370 (370.35)', () => {
      expect(accepted({ amount: 12_345, lifetimeSpend: silver }).discountAmount).toBe(370);
    });

    it('rounds 3 % of 12350 up to 371 (exactly 370.5: half up)', () => {
      expect(accepted({ amount: 12_350, lifetimeSpend: silver }).discountAmount).toBe(371);
    });

    it('rounds 10 % of 12345 up to 1235 (exactly 1234.5: half up)', () => {
      expect(accepted({ amount: 12_345, lifetimeSpend: vip }).discountAmount).toBe(1235);
    });

    it('gives each tier its own discount percentage', () => {
      const percents = [bronze, silver, gold, vip].map(
        (lifetimeSpend) => accepted({ amount: 100_000, lifetimeSpend }).discountPercent,
      );
      expect(percents).toEqual([0, 3, 5, 10]);
    });

    it('applies the tier the member held before this purchase, even when the purchase crosses a threshold', () => {
      const result = accepted({ amount: 100_000, lifetimeSpend: silver - 1 });
      expect([result.tier, result.discountAmount]).toEqual(['bronze', 0]);
    });
  });

  describe('earning', () => {
    it('earns 3 points on 123.45 lei at 3 % (3.7035 rounded down)', () => {
      expect(accepted({ amount: 12_345 }).earnedPoints).toBe(3);
    });

    it('earns nothing when the rate gives less than one point', () => {
      expect(accepted({ amount: 3_333 }).earnedPoints).toBe(0);
    });

    it('earns each tier’s percentage of the money paid after its discount', () => {
      // 100 000 at 3 % · 97 000 at 5 % · 95 000 at 7 % · 90 000 at 10 %, in whole points of 100.
      const earned = [bronze, silver, gold, vip].map(
        (lifetimeSpend) => accepted({ amount: 100_000, lifetimeSpend }).earnedPoints,
      );
      expect(earned).toEqual([30, 48, 66, 90]);
    });

    it('earns nothing on the part paid with points', () => {
      // silver: 100 000 − 3 000 discount − 100 points (10 000) = 87 000 paid; 5 % = 4 350 → 43 points.
      const result = accepted({ amount: 100_000, lifetimeSpend: silver, balance: 100, redeemPoints: 100 });
      expect([result.paidAmount, result.earnedPoints]).toEqual([87_000, 43]);
    });

    it('counts earned points in the configured point value', () => {
      // 3 % of 10 000 = 300 minor units; a point worth 50 makes that 6 points.
      expect(accepted({ amount: 10_000 }, rulesWith({ pointValue: 50 })).earnedPoints).toBe(6);
    });
  });

  describe('redemption', () => {
    it('lets points pay for half of the receipt, in whole points (61.725 → 61)', () => {
      expect(accepted({ amount: 12_345, balance: 1000, redeemPoints: 61 }).redeemedPoints).toBe(61);
    });

    it('refuses one point more than half of the receipt, telling the most that can be used', () => {
      expect(quote({ amount: 12_345, balance: 1000, redeemPoints: 62 })).toEqual({
        ok: false,
        reason: 'over-share',
        maxRedeemable: 61,
      });
    });

    it('counts the share on the amount after the tier discount', () => {
      // vip: 10 000 − 1 000 = 9 000; half of it is 45 points.
      expect(quote({ amount: 10_000, lifetimeSpend: vip, balance: 1000, redeemPoints: 46 })).toEqual({
        ok: false,
        reason: 'over-share',
        maxRedeemable: 45,
      });
    });

    it('follows a configured share', () => {
      expect(quote({ amount: 10_000, balance: 1000, redeemPoints: 21 }, rulesWith({ maxRedeemPercent: 20 }))).toEqual({
        ok: false,
        reason: 'over-share',
        maxRedeemable: 20,
      });
    });

    it('refuses any redemption when the share is 0 %', () => {
      expect(quote({ amount: 10_000, balance: 1000, redeemPoints: 1 }, rulesWith({ maxRedeemPercent: 0 }))).toEqual({
        ok: false,
        reason: 'over-share',
        maxRedeemable: 0,
      });
    });

    it('refuses more points than the balance, telling the balance as the most that can be used', () => {
      expect(quote({ amount: 100_000, balance: 40, redeemPoints: 41 })).toEqual({
        ok: false,
        reason: 'over-balance',
        maxRedeemable: 40,
      });
    });

    it('tells the smaller of the balance and the share as the most that can be used', () => {
      expect([
        accepted({ amount: 100_000, balance: 40 }).maxRedeemable,
        accepted({ amount: 1_000, balance: 40 }).maxRedeemable,
      ]).toEqual([40, 5]);
    });

    it('takes off each point at its configured value', () => {
      const result = accepted({ amount: 10_000, balance: 100, redeemPoints: 10 }, rulesWith({ pointValue: 50 }));
      expect([result.redeemedAmount, result.paidAmount]).toEqual([500, 9_500]);
    });

    it('needs no balance to pay everything in money', () => {
      expect(accepted({ amount: 10_000, balance: 0, redeemPoints: 0 }).paidAmount).toBe(10_000);
    });

    it('leaves exactly the receipt minus discount and points to pay', () => {
      const result = accepted({ amount: 12_345, lifetimeSpend: gold, balance: 1000, redeemPoints: 50 });
      expect(result.discountAmount + result.redeemedAmount + result.paidAmount).toBe(12_345);
    });
  });

  describe('stamp card', () => {
    /** Stamps after each of `count` purchases in a row, and which of them were free. */
    function run(count: number, rules: ProgramRules = defaultProgramRules, amount = 10_000) {
      let stamps = 0;
      const progress: number[] = [];
      const free: number[] = [];
      for (let n = 1; n <= count; n++) {
        const result = accepted({ amount, stamps }, rules);
        if (result.freeItem) free.push(n);
        stamps = result.stampsAfter;
        progress.push(stamps);
      }
      return { progress, free };
    }

    it('makes every 6th purchase free', () => {
      expect(run(12).free).toEqual([6, 12]);
    });

    it('shows 4 of 6 after the fourth purchase and starts again after the free one', () => {
      expect(run(7).progress).toEqual([1, 2, 3, 4, 5, 0, 1]);
    });

    it('gives no stamp for a purchase below the minimum amount', () => {
      const rules = rulesWith({ stampCard: { enabled: true, every: 6, minAmount: 5_000 } });
      expect(accepted({ amount: 4_999, stamps: 3 }, rules).stampsAfter).toBe(3);
    });

    it('stamps a purchase of exactly the minimum amount', () => {
      const rules = rulesWith({ stampCard: { enabled: true, every: 6, minAmount: 5_000 } });
      expect(accepted({ amount: 5_000, stamps: 3 }, rules).stampsAfter).toBe(4);
    });

    it('never gives a free purchase below the minimum amount, even with a full card', () => {
      const rules = rulesWith({ stampCard: { enabled: true, every: 6, minAmount: 5_000 } });
      expect(accepted({ amount: 4_999, stamps: 5 }, rules).freeItem).toBe(false);
    });

    it('neither stamps nor frees anything when the card is switched off', () => {
      const rules = rulesWith({ stampCard: { enabled: false, every: 6, minAmount: 0 } });
      expect(run(6, rules)).toEqual({ progress: [0, 0, 0, 0, 0, 0], free: [] });
    });

    it('follows a configured card size', () => {
      expect(run(6, rulesWith({ stampCard: { enabled: true, every: 3, minAmount: 0 } })).free).toEqual([3, 6]);
    });
  });
});
