import { isLocale, type Locale } from './i18n/locale.ts';
import { isNotificationTopic, type NotificationTopic } from './notifications/notificationTopics.ts';
import { normalizeReferralCode } from './referral/referralCode.ts';

/**
 * Button payloads. Short, because Telegram allows 64 bytes of callback data,
 * and stable, because buttons in old messages can still be pressed.
 */
export const payload = {
  // Referral: before consent nothing is stored, so a stranger's invitation code rides in these payloads.
  consentAccept: (locale: Locale, ref?: string) => `consent:yes:${locale}${ref ? `:${ref}` : ''}`,
  consentDecline: (locale: Locale) => `consent:no:${locale}`,
  language: (locale: Locale, ref?: string) => `lang:${locale}${ref ? `:${ref}` : ''}`,
  useProfileName: 'reg:profile-name',
  skipBirthday: 'reg:skip-birthday',
  /** Staff desk: the member's rating (1–5) of how a ticket was handled. */
  rate: (ticketId: string, rating: number) => `rate:${ticketId}:${rating}`,
  toggleNotification: (topic: NotificationTopic) => `notify:${topic}`,
} as const;

/** A main menu entry's button (core/menu/menuPorts.ts): `menu:<entry id>`. */
export function menuPayload(entryId: string): string {
  return `menu:${entryId}`;
}

const MENU_ID = /^[a-z][a-z0-9-]{0,31}$/;

export type ParsedPayload =
  | { kind: 'consent'; accepted: boolean; locale: Locale; ref?: string }
  | { kind: 'language'; locale: Locale; ref?: string }
  | { kind: 'menu'; item: string }
  | { kind: 'useProfileName' }
  | { kind: 'skipBirthday' }
  | { kind: 'toggleNotification'; topic: NotificationTopic }
  | { kind: 'rate'; ticketId: string; rating: number }
  | { kind: 'unknown' };

export function parsePayload(raw: string): ParsedPayload {
  const [scope, a, b, c] = raw.split(':');
  if (scope === 'consent' && (a === 'yes' || a === 'no') && isLocale(b))
    return { kind: 'consent', accepted: a === 'yes', locale: b, ...referral(c) };
  if (scope === 'lang' && isLocale(a)) return { kind: 'language', locale: a, ...referral(b) };
  if (scope === 'menu' && a !== undefined && MENU_ID.test(a) && b === undefined) return { kind: 'menu', item: a };
  if (raw === payload.useProfileName) return { kind: 'useProfileName' };
  if (raw === payload.skipBirthday) return { kind: 'skipBirthday' };
  if (scope === 'notify' && isNotificationTopic(a) && b === undefined) return { kind: 'toggleNotification', topic: a };
  if (scope === 'rate' && a && /^[1-5]$/.test(b ?? '') && c === undefined)
    return { kind: 'rate', ticketId: a, rating: Number(b) };
  return { kind: 'unknown' };
}

/** Referral: the invitation code a payload carries, when it carries a well-formed one. */
function referral(raw: string | undefined): { ref?: string } {
  const code = raw === undefined ? null : normalizeReferralCode(raw);
  return code ? { ref: code } : {};
}
