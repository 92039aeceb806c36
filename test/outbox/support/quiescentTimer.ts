// A lane timer on simulated time that moves only while nothing real is under
// way: the dispatcher's calls to the table and to the platform stand-in are
// wrapped in `busy`, and the clock jumps to the earliest wait only once none
// of them is outstanding. So a request reaches the stand-in at the very
// simulated moment the lane started it, and sends can be counted per second
// of the stand-in's clock exactly, however loaded the machine is.
import type { LaneTimer } from '../../../core/outbox/laneTimer.ts';

export interface QuiescentTimer extends LaneTimer {
  /** Runs `work`, holding the clock still until it settles. */
  busy<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves after `ms` of simulated time. */
  wait(ms: number): Promise<void>;
}

interface Pending {
  due: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

export function quiescentTimer(): QuiescentTimer {
  let now = 0;
  let outstanding = 0;
  let order = 0;
  let pumping = false;
  const pending: Pending[] = [];

  // One wait ends per turn of the event loop, after the I/O in hand, the earliest first.
  const pump = () => {
    if (outstanding > 0) return void setImmediate(pump);
    const live = pending.filter((entry) => !entry.cancelled);
    pending.length = 0;
    pending.push(...live);
    if (pending.length === 0) return void (pumping = false);
    pending.sort((a, b) => a.due - b.due || a.order - b.order);
    const next = pending.shift()!;
    now = Math.max(now, next.due);
    next.fn();
    setImmediate(pump);
  };

  const after = (ms: number, fn: () => void) => {
    const entry: Pending = { due: now + Math.max(0, ms), order: order++, fn, cancelled: false };
    pending.push(entry);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
    return () => void (entry.cancelled = true);
  };

  return {
    now: () => now,
    after,
    async busy(work) {
      outstanding += 1;
      try {
        return await work();
      } finally {
        outstanding -= 1;
      }
    },
    wait: (ms) => new Promise((resolve) => after(ms, resolve)),
  };
}
