import { z } from 'zod';
import type { Draw } from '../core/contests/draws/draw.ts';
import type { PublicEntry } from '../core/contests/draws/drawsPorts.ts';

const texts = z.record(z.string(), z.string());
const winnerSchema = z.object({
  entryId: z.string(),
  prize: z.int().meta({ description: 'Index into prizes.' }),
});

const lapseSchema = z.object({
  entryId: z.string().meta({ description: 'The winning entry whose prize code was not redeemed in time.' }),
  prize: z.int().meta({ description: 'Index into prizes.' }),
  lapsedAt: z.iso.datetime(),
  replacedBy: z.string().nullable().meta({
    description:
      'The entry that took the prize over: the first in score order whose member has not won in this draw (winners, lapsed ones and earlier replacements count); null when none was left.',
  }),
});
const lapsedSchema = z
  .array(lapseSchema)
  .meta({ description: 'Prizes not claimed within claimDays, in the order they lapsed.' });

export const drawViewSchema = z.object({
  id: z.string(),
  title: texts,
  rules: texts.optional(),
  prizes: z.array(z.object({ name: texts, count: z.int(), points: z.int().optional() })),
  entry: z.object({
    kind: z.enum(['purchase', 'optIn', 'quiz']),
    minAmount: z.int().optional(),
    perAmount: z.int().optional(),
    quizId: z.string().optional(),
  }),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  drawAt: z.iso.datetime(),
  beaconSource: z.string().optional(),
  claimDays: z.int().optional().meta({ description: 'Days a prize code winner has to redeem it.' }),
  published: z.boolean(),
  status: z
    .enum(['open', 'closed', 'drawn'])
    .meta({ description: 'open: entries come and go; closed: frozen; drawn.' }),
  commitment: z.string().meta({ description: 'hex(SHA-256(utf8(seed))), published from creation.' }),
  entryCount: z.int().meta({ description: 'Entries not withdrawn.' }),
  seed: z.string().optional().meta({ description: 'Revealed once drawn.' }),
  beacon: z.string().optional(),
  entriesDigest: z.string().optional(),
  winners: z.array(winnerSchema).optional(),
  lapsed: lapsedSchema.optional(),
  drawnAt: z.iso.datetime().optional(),
});

/** What a draw announces from its creation on, alike in its staff view and its public result. */
function announced(draw: Draw) {
  return {
    title: clean(draw.title),
    ...(draw.rules ? { rules: clean(draw.rules) } : {}),
    prizes: draw.prizes.map((prize) => ({ ...prize, name: clean(prize.name) })),
  };
}

export function drawView(draw: Draw): z.input<typeof drawViewSchema> {
  const drawn = draw.status === 'drawn';
  return {
    id: draw.id,
    ...announced(draw),
    entry: draw.entry,
    opensAt: draw.opensAt.toISOString(),
    closesAt: draw.closesAt.toISOString(),
    drawAt: draw.drawAt.toISOString(),
    ...(draw.beaconSource ? { beaconSource: draw.beaconSource } : {}),
    ...(draw.claimDays !== undefined ? { claimDays: draw.claimDays } : {}),
    published: draw.published,
    status: draw.status,
    commitment: draw.commitment,
    entryCount: draw.entryCount,
    ...(drawn
      ? {
          seed: draw.seed,
          beacon: draw.beacon ?? '',
          entriesDigest: draw.entriesDigest!,
          winners: draw.winners ?? [],
          lapsed: lapsedView(draw),
          drawnAt: draw.drawnAt!.toISOString(),
        }
      : {}),
  };
}

export const drawResultSchema = drawViewSchema
  .pick({
    id: true,
    title: true,
    rules: true,
    prizes: true,
    status: true,
    commitment: true,
    beaconSource: true,
    claimDays: true,
  })
  .extend({
    closesAt: z.iso.datetime(),
    drawAt: z.iso.datetime(),
    seed: z.string().nullable().meta({ description: 'The secret seed, revealed once drawn; null before.' }),
    beacon: z
      .string()
      .nullable()
      .meta({ description: 'The beacon value used ("" when none was announced); null before.' }),
    entriesDigest: z.string().nullable(),
    entries: z
      .array(
        z.object({
          id: z.string(),
          member: z.string().meta({ examples: ['Ana P. ••0747'] }),
          holder: z.int().meta({ description: 'The same number for one member’s entries in this draw.' }),
        }),
      )
      .meta({ description: 'Every entry id with its member masked; empty before the draw.' }),
    winners: z.array(winnerSchema).meta({ description: 'In score order, as drawn; empty before the draw.' }),
    lapsed: lapsedSchema,
  });

export function drawResult(draw: Draw, entries: PublicEntry[]): z.input<typeof drawResultSchema> {
  const drawn = draw.status === 'drawn';
  return {
    id: draw.id,
    ...announced(draw),
    status: draw.status,
    commitment: draw.commitment,
    ...(draw.beaconSource ? { beaconSource: draw.beaconSource } : {}),
    ...(draw.claimDays !== undefined ? { claimDays: draw.claimDays } : {}),
    closesAt: draw.closesAt.toISOString(),
    drawAt: draw.drawAt.toISOString(),
    seed: drawn ? draw.seed : null,
    beacon: drawn ? (draw.beacon ?? '') : null,
    entriesDigest: drawn ? draw.entriesDigest : null,
    entries: drawn ? entries : [],
    winners: drawn ? (draw.winners ?? []) : [],
    lapsed: drawn ? lapsedView(draw) : [],
  };
}

function lapsedView(draw: Draw): z.input<typeof lapsedSchema> {
  return draw.lapsed.map((lapse) => ({ ...lapse, lapsedAt: lapse.lapsedAt.toISOString() }));
}

function clean(text: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(text).filter((pair): pair is [string, string] => pair[1] !== undefined));
}
