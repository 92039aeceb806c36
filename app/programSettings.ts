import type { Config } from './config.ts';
import { defaultProgramSettings, type ProgramSettings } from '../core/settings/programSettings.ts';

/** The programme rules this deployment runs with, from its configuration. */
export function programSettingsFrom(config: Config): ProgramSettings {
  return {
    ...defaultProgramSettings,
    defaultLocale: config.DEFAULT_LOCALE,
    timezone: config.PROGRAM_TIMEZONE,
    phoneRegion: config.PHONE_REGION,
  };
}
