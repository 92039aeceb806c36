import type { Chat, LedgerEntry, Member } from '../generated/sqlite/client.ts';
import type { Channel } from '../../inbound.ts';
import { isLocale, type Locale } from '../../i18n/locale.ts';
import type { ChatRecord } from '../../conversation/conversationPorts.ts';
import type { MemberRecord } from '../../members/membersPorts.ts';
import { askName, asMember, parseChatState } from '../../conversation/chatState.ts';

export type { Chat, LedgerEntry, Member };

/** A chat row as the core sees it; unreadable state falls back to a safe step. */
export function toChatRecord(row: Chat): ChatRecord {
  const state = parseChatState(row.state) ?? (row.memberId ? asMember : askName);
  return {
    id: row.id,
    channel: row.channel as Channel,
    address: row.address,
    locale: asLocale(row.locale),
    state,
    version: row.version,
    memberId: row.memberId,
    unreachableAt: row.unreachableAt,
    lastSeenAt: row.lastSeenAt,
    consentAt: row.consentAt,
    consentVersion: row.consentVersion,
  };
}

export function toMemberRecord(row: Member): MemberRecord {
  const birthday =
    row.birthDay !== null && row.birthMonth !== null
      ? { day: row.birthDay, month: row.birthMonth, ...(row.birthYear !== null && { year: row.birthYear }) }
      : null;
  return {
    id: row.id,
    cardNumber: row.cardNumber,
    name: row.name,
    phone: row.phone,
    phoneVerified: row.phoneVerified,
    birthday,
    locale: asLocale(row.locale),
    balance: row.balance,
    tier: row.tier,
    lifetimeSpend: row.lifetimeSpend,
    lifetimeEarned: row.lifetimeEarned,
    purchaseCount: row.purchaseCount,
    stamps: row.stamps,
    createdAt: row.createdAt,
    erasedAt: row.erasedAt,
  };
}

export function asLocale(value: string): Locale {
  return isLocale(value) ? value : 'ru';
}
