/** The usual named RFM segments. */
export const rfmSegments = [
  'champions',
  'loyal',
  'potential-loyalists',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose',
  'lost',
] as const;
export type RfmSegment = (typeof rfmSegments)[number];

/**
 * The segment of each recency score (rows, R 5 first) and FM score (columns,
 * FM 1…5), where FM = ⌈(F + M) / 2⌉. The same table is in the README.
 *
 * |     | FM 1           | FM 2                | FM 3                | FM 4      | FM 5            |
 * |-----|----------------|---------------------|---------------------|-----------|-----------------|
 * | R 5 | new            | potential-loyalists | potential-loyalists | champions | champions       |
 * | R 4 | promising      | potential-loyalists | loyal               | loyal     | champions       |
 * | R 3 | about-to-sleep | need-attention      | need-attention      | loyal     | loyal           |
 * | R 2 | lost           | about-to-sleep      | at-risk             | at-risk   | cant-lose       |
 * | R 1 | lost           | lost                | at-risk             | at-risk   | cant-lose       |
 */
const TABLE: Record<number, readonly RfmSegment[]> = {
  5: ['new', 'potential-loyalists', 'potential-loyalists', 'champions', 'champions'],
  4: ['promising', 'potential-loyalists', 'loyal', 'loyal', 'champions'],
  3: ['about-to-sleep', 'need-attention', 'need-attention', 'loyal', 'loyal'],
  2: ['lost', 'about-to-sleep', 'at-risk', 'at-risk', 'cant-lose'],
  1: ['lost', 'lost', 'at-risk', 'at-risk', 'cant-lose'],
};

/** How it is computed: the segment of R and FM = ⌈(F + M) / 2⌉ in the table above. */
export function rfmSegment(recency: number, frequency: number, monetary: number): RfmSegment {
  const fm = Math.ceil((frequency + monetary) / 2);
  return TABLE[recency]![fm - 1]!;
}

/**
 * Quintile scores 1–5 of `values`: a value scores 1 + ⌊5 × (share of the
 * values below it)⌋, so equal values share a score and the top fifth scores
 * 5. (NTILE would split equal values across scores by chance.)
 */
export function quintileScores(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const below = new Map<number, number>();
  sorted.forEach((value, i) => {
    if (!below.has(value)) below.set(value, i);
  });
  return values.map((value) => 1 + Math.floor((5 * below.get(value)!) / values.length));
}
