import { z } from 'zod';

const percent = z.number().int().min(0).max(100);
const nonNegative = z.number().int().min(0);
const clockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time of day as HH:MM, for example 21:00');

/** Surveys (core/surveys): when the NPS question is asked, how often, and for how long it stays open. */
const npsSchema = z.object({
  /** Asked after a purchase (else only by a relationship survey). */
  afterPurchase: z.boolean().default(true),
  /** Days after a purchase; 0 asks right away. */
  afterPurchaseDays: nonNegative.max(365).default(3),
  /** At most one NPS question per member in this many days. */
  minDaysBetween: nonNegative.max(3650).default(90),
  /** Days a question stays open; a later answer is thanked and not counted. */
  expiresAfterDays: z.number().int().min(1).max(90).default(7),
  /** A page where promoters may leave a public review; empty or absent: none. */
  reviewUrl: z
    .url({ protocol: /^https?$/ })
    .or(z.literal(''))
    .optional(),
});

/** CSAT after a purchase, per store: instead of NPS (switch that off) or besides it (one question a day still holds). */
const csatSchema = z.object({
  afterPurchase: z.boolean().default(false),
  afterPurchaseDays: nonNegative.max(365).default(0),
  /** At most one purchase CSAT question per member in this many days. */
  minDaysBetween: nonNegative.max(3650).default(30),
});

/**
 * Customer stage 4, attachment (core/scoring/customerStage.ts): at least
 * `purchasesPerMonth` purchases in each of the last `months` full months.
 */
const attachmentSchema = z.object({
  purchasesPerMonth: z.number().int().min(1).max(100).default(2),
  months: z.number().int().min(1).max(12).default(3),
});

const tierSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_-]{0,23}$/),
  /** Lifetime figure (spend in minor units, or points earned) from which the tier applies. */
  threshold: nonNegative,
  /** Points earned per 100 units of money paid, in percent of the paid amount. */
  earnPercent: percent,
  /** Cumulative discount the cashier gives members of this tier. */
  discountPercent: percent,
});

/**
 * The rules of the programme. Kept in the database and changed by marketers
 * through the API without a redeploy; every field has a sensible default.
 */
export const programRulesSchema = z
  .object({
    /**
     * The programme's name as members know it ("Luna Club"), where the bot
     * names it (the NPS question); empty: the bot says "us" in the member's language.
     */
    name: z
      .string()
      .trim()
      .max(60)
      .regex(/^[^\p{Cc}]*$/u, 'must be one line of text, without control characters')
      .default(''),
    /** ISO 4217 currency of amounts, for showing money to people. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('MDL'),
    /** Value of one point in minor units (100 = one point pays one leu). */
    pointValue: z.number().int().min(1).default(100),
    /** What decides the tier: lifetime spend (minor units) or lifetime points earned. */
    tierBasis: z.enum(['spend', 'earned']).default('spend'),
    tiers: z
      .array(tierSchema)
      .min(1)
      .default([
        { code: 'bronze', threshold: 0, earnPercent: 3, discountPercent: 0 },
        { code: 'silver', threshold: 500_000, earnPercent: 5, discountPercent: 3 },
        { code: 'gold', threshold: 2_000_000, earnPercent: 7, discountPercent: 5 },
        { code: 'vip', threshold: 5_000_000, earnPercent: 10, discountPercent: 10 },
      ]),
    /**
     * What a till must name the member by to spend their points: the one-time
     * code (`code`), the code or the card number (`card`), or also the phone
     * (`any`). Earning works with any of them.
     */
    redeemRequires: z.enum(['code', 'card', 'any']).default('code'),
    /** Points pay for at most this share of a receipt (after the discount). */
    maxRedeemPercent: percent.default(50),
    stampCard: z
      .object({ enabled: z.boolean(), every: z.number().int().min(2).max(100), minAmount: nonNegative })
      .default({ enabled: true, every: 6, minAmount: 0 }),
    /** Days a lot of earned points lives; 0 means points never expire. */
    pointsLifetimeDays: nonNegative.default(365),
    /** Members are reminded this many days before points expire. */
    expiryReminderDays: nonNegative.default(14),
    welcomeBonus: nonNegative.default(100),
    /**
     * When the welcome bonus is credited: at enrolment to a member whose
     * number a messenger proved (`verified-phone`), or for everyone at the
     * first purchase at the till (`first-purchase`). A member with a typed
     * number always gets it at the first purchase, so fresh numbers farm nothing.
     */
    welcomeBonusRequires: z.enum(['verified-phone', 'first-purchase']).default('verified-phone'),
    birthdayBonus: nonNegative.default(200),
    referral: z
      .object({
        referrerBonus: nonNegative,
        friendBonus: nonNegative,
        capPerPeriod: nonNegative,
        periodDays: z.number().int().min(1),
      })
      .default({ referrerBonus: 200, friendBonus: 100, capPerPeriod: 5, periodDays: 30 }),
    /** Minutes a one-time code from the card screen stays valid. */
    codeLifetimeMinutes: z.number().int().min(1).max(60).default(5),
    nps: npsSchema.prefault({}),
    csat: csatSchema.prefault({}),
    attachment: attachmentSchema.prefault({}),
    /** No survey question and no campaign message is sent between `from` and `to`, programme time; it waits for `to`. */
    quietHours: z.object({ from: clockTime.default('21:00'), to: clockTime.default('09:00') }).prefault({}),
    /** At most `messages` campaign messages reach a member in any `days` days; the rest of them are recorded as capped. */
    marketingCap: z
      .object({ messages: z.number().int().min(1).max(100), days: z.number().int().min(1).max(90) })
      .default({ messages: 2, days: 7 }),
  })
  .superRefine((rules, ctx) => {
    // Each refusal names the tier at fault and its reason, so a form can mark that one input.
    const thresholds = rules.tiers.map((tier) => tier.threshold);
    if (thresholds[0] !== 0) refuse(ctx, [0, 'threshold'], 'first-tier-not-zero', 'the first tier must start at 0');
    const notRising = thresholds.findIndex((value, i) => i > 0 && value <= thresholds[i - 1]!);
    if (notRising > 0)
      refuse(ctx, [notRising, 'threshold'], 'thresholds-not-increasing', 'tier thresholds must increase strictly');
    const codes = rules.tiers.map((tier) => tier.code);
    const repeated = codes.findIndex((code, i) => codes.indexOf(code) !== i);
    if (repeated > 0) refuse(ctx, [repeated, 'code'], 'codes-not-unique', 'tier codes must be unique');
  });

function refuse(ctx: z.RefinementCtx, at: [number, string], reason: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: ['tiers', ...at], params: { reason }, message });
}

export type ProgramRules = z.infer<typeof programRulesSchema>;
export type Tier = ProgramRules['tiers'][number];

export const defaultProgramRules: ProgramRules = programRulesSchema.parse({});
