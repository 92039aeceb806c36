import type { Draw, DrawEntryRule, DrawLapse, DrawStatus } from '../../contests/draws/draw.ts';
import type { Prize } from '../../contests/prize.ts';
import type { Draw as DrawRow } from '../generated/sqlite/client.ts';

type Texts = Record<string, string | undefined>;

/** A row as the core reads it; JSON columns were written by `createDrawStore` from validated content. */
export function toDraw(row: DrawRow): Draw {
  return {
    id: row.id,
    title: JSON.parse(row.title) as Texts,
    ...(row.rules ? { rules: JSON.parse(row.rules) as Texts } : {}),
    prizes: JSON.parse(row.prizes) as Prize[],
    entry: JSON.parse(row.entry) as DrawEntryRule,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    drawAt: row.drawAt,
    ...(row.beaconSource ? { beaconSource: row.beaconSource } : {}),
    ...(row.claimDays !== null ? { claimDays: row.claimDays } : {}),
    published: row.published,
    seed: row.seed,
    commitment: row.commitment,
    status: row.status as DrawStatus,
    entryCount: row.entryCount,
    beacon: row.beacon,
    entriesDigest: row.entriesDigest,
    drawKey: row.drawKey,
    winners: row.winners ? (JSON.parse(row.winners) as Draw['winners']) : null,
    lapsed: row.lapsed ? parseLapsed(row.lapsed) : [],
    drawnAt: row.drawnAt,
    awardedAt: row.awardedAt,
    createdAt: row.createdAt,
  };
}

/** Stored by `handOverLapsed` as ISO strings. */
export function parseLapsed(json: string): DrawLapse[] {
  return (JSON.parse(json) as (Omit<DrawLapse, 'lapsedAt'> & { lapsedAt: string })[]).map((lapse) => ({
    ...lapse,
    lapsedAt: new Date(lapse.lapsedAt),
  }));
}
