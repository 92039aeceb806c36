import type { DeskStore } from './deskPorts.ts';
import type { DeskSettings } from './deskSettings.ts';

/** What the staff desk is built from, on both its sides (customer and staff). */
export interface DeskDeps {
  store: DeskStore;
  settings: DeskSettings;
  /** Whether a member's text reads as a complaint (see complaintMarkers.ts). */
  looksLikeComplaint: (text: string) => boolean;
}
