import type { Locale } from '../../../../core/i18n/locale.ts';
import { payload } from '../../../../core/payloads.ts';
import type { BotReply, TelegramUser } from './telegramUser.ts';

/** Telegram shares contacts without the leading plus. */
export const ANNAS_PHONE = '37369123456';

export interface Registration {
  locale?: Locale;
  name?: string;
  phone?: string;
  birthday?: string;
}

/** /start → consent → name → phone → (phone step reached). */
export async function registerUpToPhone(user: TelegramUser, details: Registration = {}): Promise<BotReply[]> {
  await user.commands('/start');
  await user.presses(payload.consentAccept(details.locale ?? 'ru'), 2);
  return user.types(details.name ?? 'Анна');
}

/** The whole registration; returns the three closing messages (welcome, card, menu). */
export async function registerMember(user: TelegramUser, details: Registration = {}): Promise<BotReply[]> {
  await registerUpToPhone(user, details);
  await user.sharesContact(details.phone ?? ANNAS_PHONE, 2);
  return user.types(details.birthday ?? '29.02', 3);
}
