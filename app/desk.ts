import type { DeskDeps } from '../core/desk/deskPorts.ts';
import { createComplaintMarkers } from '../core/desk/complaintMarkers.ts';
import type { DeskSettings } from '../core/desk/deskSettings.ts';
import type { Translator } from '../core/i18n/translator.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createDeskStore } from '../core/storage/desk/createDeskStore.ts';
import type { Config } from './config.ts';

type DeskConfig = Pick<Config, 'DESK_EXPECTED_WAIT_MINUTES' | 'DESK_REANNOUNCE_MINUTES' | 'DESK_SHOW_STAFF_NAME' | 'DESK_SHOW_PHONE' | 'STAFF_LOCALE' | 'DEFAULT_LOCALE'>;

/** How the staff desk behaves, from the configuration. */
export function deskSettingsFrom(config: DeskConfig): DeskSettings {
  return {
    expectedWaitMinutes: config.DESK_EXPECTED_WAIT_MINUTES,
    reannounceAfterMinutes: config.DESK_REANNOUNCE_MINUTES,
    showStaffName: config.DESK_SHOW_STAFF_NAME,
    showPhone: config.DESK_SHOW_PHONE,
    staffLocale: config.STAFF_LOCALE ?? config.DEFAULT_LOCALE,
  };
}

/** The desk's parts on this database. */
export function deskDepsFor(db: Database, translator: Translator, settings: DeskSettings): DeskDeps {
  return { store: createDeskStore(db), settings, looksLikeComplaint: createComplaintMarkers(translator) };
}
