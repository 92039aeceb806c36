/** Throughput and latency percentiles of one measured run. */
export interface RunFigures {
  count: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Runs `work` for every item with at most `concurrency` in flight, the way a
 * webhook server or runner feeds a bot, and times each item.
 */
export async function measure<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<RunFigures> {
  const latencies = new Float64Array(items.length);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      const t0 = performance.now();
      await work(items[index]!);
      latencies[index] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { count: items.length, seconds, perSecond: items.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}
