/** How many of a group did the thing (bought), out of how many. */
export interface Proportion {
  hits: number;
  total: number;
}

export interface Lift {
  /** The recipients' rate minus the holdout's, as a fraction (0.021 is 2.1 points). */
  lift: number;
  /** The 95% confidence interval of that difference. */
  ci95: [number, number];
}

/** The two-sided 95% quantile of the standard normal distribution. */
const Z95 = 1.959963984540054;

/**
 * The difference of two proportions with its 95% confidence interval, by the
 * two-proportion z-test's normal approximation with unpooled variances
 * (Wald): lift ± z·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂). Null while either group is
 * empty, when there is nothing to compare.
 */
export function purchaseLift(recipients: Proportion, holdout: Proportion): Lift | null {
  if (recipients.total === 0 || holdout.total === 0) return null;
  const p1 = recipients.hits / recipients.total;
  const p2 = holdout.hits / holdout.total;
  const lift = p1 - p2;
  const margin = Z95 * Math.sqrt((p1 * (1 - p1)) / recipients.total + (p2 * (1 - p2)) / holdout.total);
  return { lift, ci95: [lift - margin, lift + margin] };
}
