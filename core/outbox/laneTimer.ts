/**
 * The monotonic clock a lane's rate limits keep to, and its way to wait.
 * Production uses the process's own; a test of limits measured in seconds
 * may give a simulated one, so that it need not wait those seconds.
 */
export interface LaneTimer {
  /** Milliseconds on a clock that never jumps back. */
  now(): number;
  /** Calls `fn` once `ms` have passed on that clock, never before returning; the result cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const processTimer: LaneTimer = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};
