import { z } from 'zod';
import { phoneForStaff } from '../core/desk/phoneForStaff.ts';
import type { MemberListing, MemberProfile, PurchaseListing } from '../core/members/membersPorts.ts';
import { notificationTopics } from '../core/notifications/notificationTopics.ts';
import { tierFor } from '../core/points/tierFor.ts';
import type { ProgramRules } from '../core/program/programRules.ts';
import { timestamp } from './fields.ts';
import { toMemberView, memberViewSchema } from './memberView.ts';

const int = () => z.number().int();
const maskedPhone = z
  .string()
  .nullable()
  .meta({ description: 'The last four digits only (`•••• 3456`); null when the member has no number.' });
const nextCursor = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' });

/** One line of a search result: enough to tell people apart and open the right one. */
export const memberListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  cardNumber: z.string(),
  phone: maskedPhone,
  balance: int(),
  tier: z.string().meta({ description: "Tier code under the current rules, as on the member's page." }),
  createdAt: timestamp,
});

export const searchPageSchema = z.object({ members: z.array(memberListingSchema), next: nextCursor });

/** The tier is worked out from lifetime figures under today's rules, as on the member's page and at the till. */
export function toListing(listing: MemberListing, rules: ProgramRules) {
  const { id, name, cardNumber, balance } = listing;
  return {
    id,
    name,
    cardNumber,
    phone: maskPhone(listing.phone),
    balance,
    tier: tierFor(rules, listing).code,
    createdAt: listing.createdAt.toISOString(),
  };
}

/** Roles that may see whole numbers come with the console's accounts; until then, staff see the last four digits. */
function maskPhone(phone: string | null): string | null {
  return phone === null ? null : phoneForStaff(phone, false);
}

export const profileSchema = z.object({
  member: memberViewSchema.extend({
    phone: maskedPhone,
    phoneVerified: z.boolean().meta({ description: 'A messenger proved the number is the member’s own.' }),
    birthday: z
      .object({ day: int(), month: int(), year: int().optional() })
      .nullable()
      .meta({ description: 'As the member gave it; null when they skipped it.' }),
    birthdaySetAt: timestamp.nullable(),
  }),
  currency: z.string().meta({ description: 'ISO 4217 currency of the amounts, as the programme rules name it.' }),
  lifetime: z.object({
    spend: int().meta({ description: 'Everything spent, minor units; refunds taken off.' }),
    earned: int().meta({ description: 'Points ever earned by purchases.' }),
    purchases: int(),
  }),
  consent: z.object({
    at: timestamp.meta({ description: 'When the member agreed to the programme terms.' }),
    version: z.string().meta({ description: 'Which version of the consent text they agreed to.' }),
  }),
  chats: z.array(
    z.object({
      id: z.string(),
      channel: z.string().meta({ examples: ['telegram', 'web'] }),
      locale: z.string(),
      linkedAt: timestamp,
      unreachableAt: timestamp
        .nullable()
        .meta({ description: 'When the platform said the person blocked us or is gone; null while reachable.' }),
    }),
  ),
  notifications: z
    .array(z.object({ topic: z.enum(notificationTopics), on: z.boolean() }))
    .meta({ description: 'Each kind of message the member can switch off, and whether it is on.' }),
  referral: z.object({
    code: z.string().nullable(),
    referredBy: z.string().nullable().meta({ description: 'The member who invited them, by id.' }),
    invited: int().meta({ description: 'Members who joined with their invitation.' }),
  }),
  tickets: z.object({
    open: int(),
    taken: int(),
    resolved: int(),
    recent: z.array(
      z.object({
        id: z.string(),
        status: z.string(),
        reason: z.string(),
        openedAt: timestamp,
        resolvedAt: timestamp.nullable(),
        rating: int().nullable(),
      }),
    ),
  }),
});

export function toProfile(profile: MemberProfile, rules: ProgramRules) {
  const { member } = profile;
  const muted = new Set(profile.mutedTopics);
  return {
    member: {
      ...toMemberView(member, rules),
      phone: maskPhone(member.phone),
      phoneVerified: member.phoneVerified,
      birthday: member.birthday,
      birthdaySetAt: profile.birthdaySetAt?.toISOString() ?? null,
    },
    currency: rules.currency,
    lifetime: { spend: member.lifetimeSpend, earned: member.lifetimeEarned, purchases: member.purchaseCount },
    consent: { at: profile.consent.at.toISOString(), version: profile.consent.version },
    chats: profile.chats.map((chat) => ({
      ...chat,
      linkedAt: chat.linkedAt.toISOString(),
      unreachableAt: chat.unreachableAt?.toISOString() ?? null,
    })),
    notifications: notificationTopics.map((topic) => ({ topic, on: !muted.has(topic) })),
    referral: {
      code: profile.referral.code,
      referredBy: profile.referral.referredById,
      invited: profile.referral.referredCount,
    },
    tickets: {
      ...profile.tickets,
      recent: profile.tickets.recent.map((ticket) => ({
        ...ticket,
        openedAt: ticket.openedAt.toISOString(),
        resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
      })),
    },
  };
}

export const purchasesPageSchema = z.object({
  purchases: z.array(
    z.object({
      id: z.string(),
      receiptId: z.string(),
      amount: int().meta({ description: 'Receipt total, minor units.' }),
      paidAmount: int().meta({ description: 'Paid in money, minor units.' }),
      discountPercent: int(),
      redeemedPoints: int(),
      earnedPoints: int(),
      freeItem: z.boolean(),
      source: z.string().meta({ examples: ['till', 'api'] }),
      createdAt: timestamp,
      refundedAt: timestamp.nullable().meta({ description: 'When it was refunded; null while it stands.' }),
      refundShortfall: int().meta({ description: 'Earned points that could not be taken back at the refund.' }),
    }),
  ),
  next: nextCursor,
});

export function toPurchaseListing(purchase: PurchaseListing) {
  return {
    ...purchase,
    createdAt: purchase.createdAt.toISOString(),
    refundedAt: purchase.refundedAt?.toISOString() ?? null,
  };
}
