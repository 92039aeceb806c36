/**
 * `read`, but callers that ask while a call is under way share its answer:
 * the gauges collected together in one scrape cost one query, and the next
 * scrape reads afresh.
 */
export function sharedWhileRunning<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () =>
    (running ??= read().finally(() => {
      running = undefined;
    }));
}
