/**
 * When this process last began answering someone: a chat's webhook, a web
 * chat visitor, a till, the console. Background work that runs on the same
 * event loop (a campaign's fan-out) takes smaller steps while people are
 * being answered, so none of them waits behind a long one. Per process, as
 * the event loop is; health checks and scrapes are not people.
 */
let lastRequestAt = Number.NEGATIVE_INFINITY;

export function noteForegroundRequest(): void {
  lastRequestAt = performance.now();
}

/** On `performance.now()`'s clock; minus infinity before the first. */
export function lastForegroundRequestAt(): number {
  return lastRequestAt;
}

/** True when a request began within the last `withinMs`. */
export function servingRecently(withinMs = 1000): boolean {
  return performance.now() - lastRequestAt < withinMs;
}
