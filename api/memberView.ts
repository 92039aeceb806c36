import { z } from 'zod';
import type { MemberRecord } from '../core/members/membersPorts.ts';
import { tierFor } from '../core/points/tierFor.ts';
import type { ProgramRules } from '../core/program/programRules.ts';
import { timestamp } from './fields.ts';

/** What a till needs to know about a member; the phone number is not repeated back. */
export const memberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  cardNumber: z.string(),
  tier: z.string().meta({ description: 'Tier code under the current rules.' }),
  discountPercent: z
    .number()
    .int()
    .meta({ description: "Cumulative discount of the member's tier, to give on the next purchase." }),
  balance: z.number().int().meta({ description: 'Spendable points.' }),
  stamps: z.number().int().meta({ description: 'Qualifying purchases since the last free one.' }),
  stampsEvery: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Every Nth qualifying purchase is free; null when the stamp card is off.' }),
  locale: z.string(),
  createdAt: timestamp,
});

/** A look-up's answer: the card number only when the card was what named the member. */
export const memberLookupViewSchema = memberViewSchema.extend({
  cardNumber: z.string().optional().meta({ description: 'Only when the member was looked up by card number.' }),
});

export type MemberView = z.infer<typeof memberViewSchema>;

/** The tier is worked out from lifetime figures under today's rules, as the next purchase will be. */
export function toMemberView(member: MemberRecord, rules: ProgramRules): MemberView {
  const tier = tierFor(rules, member);
  return {
    id: member.id,
    name: member.name,
    cardNumber: member.cardNumber,
    tier: tier.code,
    discountPercent: tier.discountPercent,
    balance: member.balance,
    stamps: member.stamps,
    stampsEvery: rules.stampCard.enabled ? rules.stampCard.every : null,
    locale: member.locale,
    createdAt: member.createdAt.toISOString(),
  };
}
