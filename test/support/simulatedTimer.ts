// A lane timer on simulated time: every wait ends at once, the clock moved on
// to where the wait would have ended. Limits measured in seconds are kept
// exactly as on the process's clock, without a test waiting those seconds.
import type { LaneTimer } from '../../core/outbox/laneTimer.ts';

export function simulatedTimer(): LaneTimer {
  let now = 0;
  return {
    now: () => now,
    after(ms, fn) {
      const due = now + Math.max(0, ms);
      let cancelled = false;
      // After the I/O already in hand, so that answers that have come are seen before time moves on.
      setImmediate(() => {
        if (cancelled) return;
        now = Math.max(now, due);
        fn();
      });
      return () => {
        cancelled = true;
      };
    },
  };
}
