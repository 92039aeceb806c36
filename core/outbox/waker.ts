/**
 * A sleep that ends early when something worth looking at happened (a send
 * finished, the dispatcher was nudged or stopped). A wake-up that comes while
 * nobody sleeps is kept, so the next sleep returns at once instead of missing it.
 */
export class Waker {
  private wakeSleeper: (() => void) | null = null;
  private woken = false;

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.wakeSleeper = done;
    });
  }

  wake(): void {
    if (this.wakeSleeper) this.wakeSleeper();
    else this.woken = true;
  }
}
