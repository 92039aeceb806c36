import type { Locale } from '../i18n/locale.ts';

/** How the staff desk behaves in one deployment. */
export interface DeskSettings {
  /** The wait the customer is told to expect, in minutes. */
  expectedWaitMinutes: number;
  /** Minutes after opening at which a ticket nobody took is announced again (with @here), ascending. */
  reannounceAfterMinutes: number[];
  /** Customers see the first name of the staff member who answers. */
  showStaffName: boolean;
  /** Staff see members' whole phone numbers; otherwise only the last four digits. */
  showPhone: boolean;
  /** The language of everything the desk writes for staff. */
  staffLocale: Locale;
  /** Customer messages per ticket relayed to staff one by one within a minute; more are merged (relayBudget.ts). */
  relayPerMinute: number;
  /**
   * A burst: the customer's messages to a ticket with less than this many
   * minutes between one and the next (the opening counts). Only the first
   * message of a burst is acknowledged, not every message.
   */
  burstMinutes: number;
}

export const defaultDeskSettings: DeskSettings = {
  expectedWaitMinutes: 15,
  reannounceAfterMinutes: [10, 30],
  showStaffName: true,
  showPhone: false,
  staffLocale: 'ru',
  relayPerMinute: 10,
  burstMinutes: 10,
};

const MINUTE_MS = 60_000;

/**
 * When an untaken ticket opened at `openedAt` is next announced again, after
 * `now`; null when no more are due. Delays already past are skipped, so a
 * job that ran late (after downtime) announces once, not once per missed delay.
 */
export function nextAnnouncementAt(openedAt: Date, now: Date, settings: DeskSettings): Date | null {
  for (const minutes of settings.reannounceAfterMinutes) {
    const at = new Date(openedAt.getTime() + minutes * MINUTE_MS);
    if (at > now) return at;
  }
  return null;
}
