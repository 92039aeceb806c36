/** How close a run of sends came to a rate limit, by the platform stand-in's clock. */
export interface SendRate {
  messages: number;
  /** Sends per second over the run's whole seconds from the first send. */
  achievedPerSecond: number;
  /** achieved / the limit. */
  share: number;
  /** The most sends within any one sliding second (must not exceed the limit). */
  busiestSecond: number;
}

/**
 * The rate over the run's whole seconds from the first send (a partial last
 * second would flatter or punish it), and the busiest sliding second.
 */
export function sendRate(times: readonly number[], limitPerSecond: number): SendRate {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return { messages: 0, achievedPerSecond: 0, share: 0, busiestSecond: 0 };
  const wholeSeconds = Math.max(1, Math.floor((sorted.at(-1)! - sorted[0]!) / 1000));
  const achievedPerSecond = sorted.filter((at) => at < sorted[0]! + wholeSeconds * 1000).length / wholeSeconds;
  return {
    messages: sorted.length,
    achievedPerSecond,
    share: achievedPerSecond / limitPerSecond,
    busiestSecond: busiestSecond(sorted),
  };
}

/** The most of the (sorted) times that fall within one sliding second. */
function busiestSecond(sorted: readonly number[]): number {
  let busiest = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= 1000) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}
