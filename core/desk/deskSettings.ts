import type { Locale } from '../i18n/locale.ts';

/** How the staff desk behaves in one deployment. */
export interface DeskSettings {
  /** The wait the customer is told to expect, in minutes. */
  expectedWaitMinutes: number;
  /** Minutes after opening at which a ticket nobody took is announced again (with @here), ascending. */
  reannounceAfterMinutes: number[];
  /** Customers see the first name of the staff member who answers. */
  showStaffName: boolean;
  /** The language of everything the desk writes for staff. */
  staffLocale: Locale;
}

export const defaultDeskSettings: DeskSettings = {
  expectedWaitMinutes: 15,
  reannounceAfterMinutes: [10, 30],
  showStaffName: true,
  staffLocale: 'ru',
};

const MINUTE_MS = 60_000;

/** When an untaken ticket is announced again after `announcements` re-announcements; null when no more are due. */
export function nextAnnouncementAt(openedAt: Date, announcements: number, settings: DeskSettings): Date | null {
  const minutes = settings.reannounceAfterMinutes[announcements];
  return minutes === undefined ? null : new Date(openedAt.getTime() + minutes * MINUTE_MS);
}
