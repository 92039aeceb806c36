import { z } from 'zod';
import { localizedText } from '../../textFields.ts';
import { prizesSchema, type Prize } from '../prize.ts';

const amount = (description: string) => z.int().min(1).max(1_000_000_000).meta({ description });

/** How a member enters: by purchases in the window, by a "Take part" button, or by completing a quiz. */
export const drawEntrySchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('purchase'),
      minAmount: amount('Every purchase of at least this much (minor units) is one entry.').optional(),
      perAmount: amount('One entry per this much spent in one purchase (minor units).').optional(),
    })
    .refine((entry) => (entry.minAmount === undefined) !== (entry.perAmount === undefined), {
      message: 'needs exactly one of minAmount and perAmount',
      params: { reason: 'one-of-min-or-per-amount' },
    }),
  z.strictObject({ kind: z.literal('optIn') }),
  z.strictObject({ kind: z.literal('quiz'), quizId: z.string().min(1).max(100) }),
]);

export type DrawEntryRule = z.infer<typeof drawEntrySchema>;

export const drawContentShape = {
  title: localizedText(200, 'The draw’s title, as members read it.'),
  rules: localizedText(4000, 'The rules, as members read them.').optional(),
  prizes: prizesSchema,
  entry: drawEntrySchema,
  opensAt: z.iso.datetime({ offset: true }).meta({ description: 'Entries count from this instant.' }),
  closesAt: z.iso.datetime({ offset: true }).meta({ description: 'Entries count until this instant.' }),
  drawAt: z.iso
    .datetime({ offset: true })
    .meta({ description: 'When the draw runs by itself (at or after closesAt), unless a beacon is awaited.' }),
  beaconSource: z.string().trim().min(1).max(200).optional().meta({
    description:
      'A public source of randomness named in advance, whose value is known only after entries close (“drand quicknet round 5123456”). The draw then waits for POST …/run with that value.',
  }),
  claimDays: z.int().min(1).max(365).optional().meta({
    description:
      'Days a prize code winner has to redeem the code at the till. After that the code is void and the prize goes to the next entry in score order (a member who won in this draw is skipped). Points prizes are claimed when credited and never lapse. Without it, codes never lapse.',
  }),
  published: z.boolean().default(false).meta({ description: 'Shown to members and on the public page.' }),
};

/** What a marketer sets; the seed and its commitment are the server's. */
export interface DrawContent {
  title: Record<string, string | undefined>;
  rules?: Record<string, string | undefined>;
  prizes: Prize[];
  entry: DrawEntryRule;
  opensAt: Date;
  closesAt: Date;
  drawAt: Date;
  beaconSource?: string;
  /** Days to redeem a prize code before it lapses to the next entry; undefined: never. */
  claimDays?: number;
  published: boolean;
}

export type DrawStatus = 'open' | 'closed' | 'drawn';

/** A draw as stored. `seed` is secret until `status` is `drawn`: only storage and the draw itself read it before. */
export interface Draw extends DrawContent {
  id: string;
  seed: string;
  commitment: string;
  status: DrawStatus;
  entryCount: number;
  beacon: string | null;
  entriesDigest: string | null;
  drawKey: string | null;
  winners: { entryId: string; prize: number }[] | null;
  /** Prizes whose code was not redeemed in time, in the order they lapsed, with the entry that took each over. */
  lapsed: DrawLapse[];
  drawnAt: Date | null;
  awardedAt: Date | null;
  createdAt: Date;
}

/** A prize code not redeemed within the claim period: `replacedBy` is the next eligible entry in score order (null: none left). */
export interface DrawLapse {
  entryId: string;
  prize: number;
  lapsedAt: Date;
  replacedBy: string | null;
}

/** How many entries a purchase of `amount` earns under the draw's rule (0 for other kinds). */
export function entriesForPurchase(entry: DrawEntryRule, amount: number): number {
  if (entry.kind !== 'purchase') return 0;
  if (entry.minAmount !== undefined) return amount >= entry.minAmount ? 1 : 0;
  return Math.min(MAX_ENTRIES_PER_PURCHASE, Math.floor(amount / entry.perAmount!));
}

/** A cap, so a mistyped perAmount cannot write a million rows inside one purchase. */
export const MAX_ENTRIES_PER_PURCHASE = 1000;
