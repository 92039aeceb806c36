import type { Locale } from '../i18n/locale.ts';

/** The rules of one deployment's programme, as far as the core needs them. */
export interface ProgramSettings {
  defaultLocale: Locale;
  /** IANA zone that decides "today" and how dates are shown. */
  timezone: string;
  /** ISO 3166 region used to read phone numbers typed without a country code. */
  phoneRegion: string;
  /** Points expiring within this many days are mentioned with the balance. */
  expiryWarningDays: number;
  /** Version of the consent text a member accepted, kept with the consent record. */
  consentVersion: string;
  /** The Telegram bot's @username (without @), for invitation deep links; unset shows the code alone. */
  botUsername?: string;
  /** The Viber bot's URI (its `viber://pa?chatURI=`), for invitation deep links; unset leaves Viber's out. */
  viberChatUri?: string;
}

export const defaultProgramSettings: ProgramSettings = {
  defaultLocale: 'ru',
  timezone: 'Europe/Chisinau',
  phoneRegion: 'MD',
  expiryWarningDays: 30,
  consentVersion: '2026-11',
};
