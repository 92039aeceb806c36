import type { Answer, MemberActivity } from './scoringPorts.ts';

/** Dick & Basu's kinds of loyalty: attachment × purchase frequency. */
export const quadrants = ['true', 'latent', 'false', 'none'] as const;
export type Quadrant = (typeof quadrants)[number];

/** NPS from 7 (passives and promoters) and desk CSAT from 4 of 5 count as attached. */
const ATTACHED_FROM = { nps: 7, csat: 4 } as const;

/** The member's newer emotional answer of the two, or null without either. */
export function latestEmotion(activity: MemberActivity): { score: number; source: 'nps' | 'csat' } | null {
  const { latestNps: nps, latestDeskCsat: csat } = activity;
  if (nps && (!csat || newer(nps, csat))) return { score: nps.score, source: 'nps' };
  return csat ? { score: csat.score, source: 'csat' } : null;
}

function newer(a: Answer, b: Answer): boolean {
  return a.at.getTime() >= b.at.getTime();
}

/**
 * How it is computed: the emotional axis is the latest NPS (7 or more:
 * attached) or desk CSAT (4 or 5: attached), whichever is newer; the
 * behavioural axis is purchases per month over the last 12 months, high at
 * or above the median of members who bought in that year. true = attached
 * and high, latent = attached and low, false = high and not attached, none =
 * neither; no answer: no quadrant.
 */
export function loyaltyQuadrant(
  emotion: { score: number; source: 'nps' | 'csat' } | null,
  purchasesPerMonth: number,
  median: number | null,
): Quadrant | null {
  if (!emotion) return null;
  const attached = emotion.score >= ATTACHED_FROM[emotion.source];
  const high = median !== null && purchasesPerMonth > 0 && purchasesPerMonth >= median;
  if (attached) return high ? 'true' : 'latent';
  return high ? 'false' : 'none';
}

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
