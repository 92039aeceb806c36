import { isLocale, type Locale } from './i18n/locale.ts';

/**
 * Button payloads. Short, because Telegram allows 64 bytes of callback data,
 * and stable, because buttons in old messages can still be pressed.
 */
export const payload = {
  consentAccept: (locale: Locale) => `consent:yes:${locale}`,
  consentDecline: (locale: Locale) => `consent:no:${locale}`,
  language: (locale: Locale) => `lang:${locale}`,
  useProfileName: 'reg:profile-name',
  skipBirthday: 'reg:skip-birthday',
  menu: {
    balance: 'menu:balance',
    card: 'menu:card',
    history: 'menu:history',
    language: 'menu:language',
    help: 'menu:help',
    human: 'menu:human',
  },
} as const;

export type MenuItem = keyof typeof payload.menu;

export type ParsedPayload =
  | { kind: 'consent'; accepted: boolean; locale: Locale }
  | { kind: 'language'; locale: Locale }
  | { kind: 'menu'; item: MenuItem }
  | { kind: 'useProfileName' }
  | { kind: 'skipBirthday' }
  | { kind: 'unknown' };

export function parsePayload(raw: string): ParsedPayload {
  const [scope, a, b] = raw.split(':');
  if (scope === 'consent' && (a === 'yes' || a === 'no') && isLocale(b)) return { kind: 'consent', accepted: a === 'yes', locale: b };
  if (scope === 'lang' && isLocale(a)) return { kind: 'language', locale: a };
  if (scope === 'menu' && a !== undefined && Object.hasOwn(payload.menu, a)) return { kind: 'menu', item: a as MenuItem };
  if (raw === payload.useProfileName) return { kind: 'useProfileName' };
  if (raw === payload.skipBirthday) return { kind: 'skipBirthday' };
  return { kind: 'unknown' };
}
