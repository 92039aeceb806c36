// A lane timer on simulated time that moves only while nothing it was told
// about is under way: calls wrapped in `busy` (the requests to the platform
// stand-in) hold the clock still until they settle, so a request reaches the
// stand-in at the very simulated moment it was sent and the stand-in's
// timestamps are exact however loaded the machine is. It can also stall like
// a loaded machine's process: nothing runs for `stall.ms` once every
// `stall.everyMs`, and whatever fell due meanwhile runs together at its end.
import type { LaneTimer } from '../../../core/outbox/laneTimer.ts';

export interface QuiescentTimer extends LaneTimer {
  /** Runs `work`, holding the clock still until it settles. */
  busy<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves after `ms` of simulated time. */
  wait(ms: number): Promise<void>;
}

export interface Stalls {
  everyMs: number;
  ms: number;
}

interface Pending {
  due: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

export function quiescentTimer(stall?: Stalls): QuiescentTimer {
  let now = 0;
  let outstanding = 0;
  let order = 0;
  let scheduled = false;
  const pending: Pending[] = [];
  // A moment inside a stall comes only at the stall's end.
  const afterStall = (at: number) => {
    if (!stall) return at;
    const into = at % stall.everyMs;
    return into < stall.ms ? at - into + stall.ms : at;
  };

  const schedule = () => {
    if (scheduled || outstanding > 0 || pending.length === 0) return;
    scheduled = true;
    // After the I/O in hand, so answers that have come are seen before time moves on.
    setImmediate(pump);
  };

  // One wait ends per turn of the event loop, the earliest first.
  const pump = () => {
    scheduled = false;
    if (outstanding > 0) return;
    const live = pending.filter((entry) => !entry.cancelled).sort((a, b) => a.due - b.due || a.order - b.order);
    pending.length = 0;
    pending.push(...live);
    const next = pending.shift();
    if (!next) return;
    now = Math.max(now, afterStall(next.due));
    next.fn();
    schedule();
  };

  const after = (ms: number, fn: () => void) => {
    const entry: Pending = { due: now + Math.max(0, ms), order: order++, fn, cancelled: false };
    pending.push(entry);
    schedule();
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
        schedule();
      }
    },
    wait: (ms) => new Promise((resolve) => after(ms, resolve)),
  };
}
