/** When someone last worked the desk inbox, kept where every instance reads it. */
export interface DeskActivityStore {
  lastActiveAt(): Promise<Date | null>;
  markActive(at: Date): Promise<void>;
}

/**
 * Whether someone is at a desk, so a customer may be promised a waiting time
 * (issue #8 §2): Slack is configured, or someone worked the desk inbox (the
 * console, the REST API) in the last 24 hours.
 */
export interface DeskPresence {
  /** Someone is working the desk inbox now. */
  seen(): Promise<void>;
  connected(): Promise<boolean>;
}

const DAY_MS = 24 * 3_600_000;
/** A page polling every few seconds writes the time once a minute, not on every poll. */
const WRITE_EVERY_MS = 60_000;

export function createDeskPresence(options: {
  store: DeskActivityStore;
  clock: () => Date;
  slackConfigured: boolean;
}): DeskPresence {
  const { store, clock, slackConfigured } = options;
  let written: number | null = null;
  return {
    async seen() {
      const now = clock().getTime();
      if (written !== null && now - written < WRITE_EVERY_MS && now >= written) return;
      written = now;
      await store.markActive(new Date(now));
    },
    async connected() {
      if (slackConfigured) return true;
      const last = await store.lastActiveAt();
      return last !== null && clock().getTime() - last.getTime() < DAY_MS;
    },
  };
}
