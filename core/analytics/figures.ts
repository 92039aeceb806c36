// Every analytics figure, defined once. Each one-line comment is the "how it
// is computed" line the console shows (locales/*/analytics.json,
// `analytics.how.*`) and the README lists; change them together.

/** Repeat purchase rate: buyers with two or more purchases in the period ÷ all buyers of the period, in percent. */
export function repeatPurchaseRate(buyers: number, repeatBuyers: number): number | null {
  return buyers === 0 ? null : percent(repeatBuyers / buyers);
}

/** Average check: revenue ÷ purchases, refunded purchases excluded, in minor units. */
export function averageCheck(revenue: number, purchases: number): number | null {
  return purchases === 0 ? null : Math.round(revenue / purchases);
}

/** Change: (this period − the period before) ÷ the period before, in percent; null when the period before is 0. */
export function changeOf(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return percent((current - previous) / Math.abs(previous));
}

/** Outstanding points liability: every member's unspent points × the value of one point, in minor units. */
export function pointsLiability(outstandingPoints: number, pointValue: number): number {
  return outstandingPoints * pointValue;
}

/** Median: the middle value of the sorted values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Retention: members of a cohort who bought in a month ÷ members who joined in the cohort's month, in percent. */
export function retentionShare(buyers: number, cohortSize: number): number | null {
  return cohortSize === 0 ? null : percent(buyers / cohortSize);
}

/** Lifetime value: average monthly spend × average lifetime in months (first to last month with a purchase, both counted). */
export function lifetimeValue(averageMonthlySpend: number, averageLifetimeMonths: number): number {
  return Math.round(averageMonthlySpend * averageLifetimeMonths);
}

/** Purchase frequency: purchases ÷ months (30-day spans) of the time they were made in. */
export function purchaseFrequency(purchases: number, months: number): number | null {
  return months <= 0 ? null : Math.round((purchases / months) * 100) / 100;
}

/** A share in percent, to one decimal. */
function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}
