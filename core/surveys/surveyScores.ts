/**
 * The two scales, written once. NPS uses the industry standard 0–10
 * (Bain, Delighted): 0–6 detractors, 7–8 passives, 9–10 promoters; the
 * seed articles' 1–10 would make NPS figures incomparable with everyone
 * else's. CSAT is 1–5, and satisfied means a 4 or a 5.
 */
export type SurveyKind = 'nps' | 'csat';
export type NpsGroup = 'detractor' | 'passive' | 'promoter';
export type CsatGroup = 'dissatisfied' | 'neutral' | 'satisfied';
export type ScoreGroup = NpsGroup | CsatGroup;

export const npsGroups: readonly NpsGroup[] = ['detractor', 'passive', 'promoter'];
export const NPS_SCORES = { min: 0, max: 10 } as const;
export const CSAT_SCORES = { min: 1, max: 5 } as const;

export function isValidScore(kind: SurveyKind, score: number): boolean {
  const { min, max } = kind === 'nps' ? NPS_SCORES : CSAT_SCORES;
  return Number.isInteger(score) && score >= min && score <= max;
}

/** 0–6 detractor, 7–8 passive, 9–10 promoter. */
export function npsGroupOf(score: number): NpsGroup {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** 1–2 dissatisfied, 3 neutral, 4–5 satisfied. */
export function csatGroupOf(score: number): CsatGroup {
  if (score >= 4) return 'satisfied';
  if (score === 3) return 'neutral';
  return 'dissatisfied';
}

export function groupOf(kind: SurveyKind, score: number): ScoreGroup {
  return kind === 'nps' ? npsGroupOf(score) : csatGroupOf(score);
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** `NPS = %promoters − %detractors`, from −100 to 100, rounded to a whole number; null with no answers. */
export function netPromoterScore({ promoters, passives, detractors }: NpsCounts): number | null {
  const responses = promoters + passives + detractors;
  if (responses === 0) return null;
  return Math.round(((promoters - detractors) * 100) / responses);
}

/** NPS counts from a distribution over 0–10 (index = score). */
export function npsCountsOf(distribution: readonly number[]): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  distribution.forEach((count, score) => {
    const group = npsGroupOf(score);
    if (group === 'promoter') counts.promoters += count;
    else if (group === 'passive') counts.passives += count;
    else counts.detractors += count;
  });
  return counts;
}

/** `CSAT = share of 4s and 5s`, in percent rounded to a whole number; null with no answers. */
export function customerSatisfaction(distribution: readonly number[]): number | null {
  let satisfied = 0;
  let responses = 0;
  distribution.forEach((count, score) => {
    if (score < CSAT_SCORES.min) return;
    responses += count;
    if (csatGroupOf(score) === 'satisfied') satisfied += count;
  });
  return responses === 0 ? null : Math.round((satisfied * 100) / responses);
}
