import { processTimer, type LaneTimer } from './laneTimer.ts';

/**
 * A sleep that ends early when something worth looking at happened (a send
 * finished, the dispatcher was nudged or stopped). A wake-up that comes while
 * nobody sleeps is kept, so the next sleep returns at once instead of missing it.
 */
export class Waker {
  private wakeSleeper: (() => void) | null = null;
  private woken = false;

  constructor(private readonly timer: LaneTimer = processTimer) {}

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let cancel = () => {};
      const done = () => {
        cancel();
        this.wakeSleeper = null;
        resolve();
      };
      cancel = this.timer.after(ms, done);
      this.wakeSleeper = done;
    });
  }

  wake(): void {
    if (this.wakeSleeper) this.wakeSleeper();
    else this.woken = true;
  }
}
