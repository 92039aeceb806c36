import type { Channel } from './inbound.ts';
import type { Locale } from './i18n/locale.ts';
import type { ChatState, MemberState } from './conversation/chatState.ts';
import type { Outbound } from './outbound.ts';
import type { NotificationTopic } from './notifications/notificationTopics.ts';

/** A registered member's chat: its state is the member step's. */
export type MemberChat = ChatRecord & { state: MemberState };

/** A conversation on one channel, with its state machine. */
export interface ChatRecord {
  id: string;
  channel: Channel;
  address: string;
  locale: Locale;
  state: ChatState;
  version: number;
  memberId: string | null;
  /** Set when the platform said the person blocked us; cleared when they write again. */
  unreachableAt: Date | null;
  consentAt: Date;
  consentVersion: string;
}

export interface Birthday {
  day: number;
  month: number;
  year?: number;
}

export interface MemberRecord {
  id: string;
  cardNumber: string;
  name: string;
  phone: string;
  birthday: Birthday | null;
  locale: Locale;
  balance: number;
  tier: string | null;
  /** Lifetime figures: spend in minor units, points earned, purchases. */
  lifetimeSpend: number;
  lifetimeEarned: number;
  purchaseCount: number;
  /** Stamp card progress since the last free purchase. */
  stamps: number;
  createdAt: Date;
}

export interface LedgerLine {
  kind: string;
  delta: number;
  balanceAfter: number;
  createdAt: Date;
}

/** Everything needed to enrol someone, written in one transaction. */
export interface Enrolment {
  /** When the card is issued, by the core's clock. */
  at: Date;
  chatId: string;
  chatVersion: number;
  member: Omit<MemberRecord, 'balance' | 'tier' | 'createdAt' | 'lifetimeSpend' | 'lifetimeEarned' | 'purchaseCount' | 'stamps'> & { consentAt: Date; consentVersion: string; birthdaySetAt: Date | null };
  welcome: { points: number; expiresAt: Date | null } | null;
  nextState: ChatState;
}

export type EnrolmentResult =
  | { ok: true; member: MemberRecord }
  | { ok: false; reason: 'phone-taken' | 'card-taken' | 'chat-changed' };

/** A new point lot or a correction, keyed so that a replay changes nothing. */
export interface Credit {
  memberId: string;
  kind: string;
  points: number;
  idempotencyKey: string;
  expiresAt: Date | null;
  /** When it happened, by the core's clock. */
  at: Date;
}

/** The storage the core needs. Implemented once, with Prisma, in core/storage. */
export interface Store {
  /** Records an update as handled; false when it was handled before. */
  claimUpdate(channel: Channel, updateId: string): Promise<boolean>;
  /** Forgets a claim whose handling failed, so the platform's retry is handled. */
  releaseUpdate(channel: Channel, updateId: string): Promise<void>;
  /** Keeps the replies to a handled update, for a client that asks again. */
  rememberReplies(channel: Channel, updateId: string, replies: Outbound[]): Promise<void>;
  /** The replies kept for an update; null when none were kept (yet). */
  recallReplies(channel: Channel, updateId: string): Promise<Outbound[] | null>;

  /** The chat with its member, if it has one, in one round trip. */
  findChat(channel: Channel, address: string): Promise<(ChatRecord & { member: MemberRecord | null }) | null>;
  /** Creates the chat, or returns the one a concurrent update created first. */
  createChat(chat: Omit<ChatRecord, 'id' | 'version' | 'memberId' | 'unreachableAt'>): Promise<ChatRecord>;
  /** Writes state only if nobody wrote since `expectedVersion` was read. */
  saveChat(chatId: string, expectedVersion: number, change: { state?: ChatState; locale?: Locale }): Promise<boolean>;
  deleteChat(chatId: string): Promise<void>;
  /** The person wrote to us, so they can be written to again. */
  markReachable(chatId: string): Promise<void>;
  /** Links a chat to an existing member whose phone was proven by the platform. */
  linkChat(chatId: string, expectedVersion: number, memberId: string, nextState: ChatState): Promise<boolean>;

  findMember(id: string): Promise<MemberRecord | null>;
  findMemberByPhone(phone: string): Promise<MemberRecord | null>;
  setMemberLocale(memberId: string, locale: Locale): Promise<void>;
  /** The kinds of message the member switched off. */
  mutedTopics(memberId: string): Promise<NotificationTopic[]>;
  setMuted(memberId: string, topic: NotificationTopic, muted: boolean): Promise<void>;
  enrol(enrolment: Enrolment): Promise<EnrolmentResult>;

  /** Adds a lot of points once per idempotency key; false when the key was used. */
  credit(credit: Credit): Promise<boolean>;
  recentLedger(memberId: string, limit: number): Promise<LedgerLine[]>;
  /** Points still unspent in lots that expire before `before`, with the soonest date. */
  pointsExpiringBefore(memberId: string, before: Date): Promise<{ points: number; firstExpiry: Date | null }>;

  /** Is the database answering? For /readyz. */
  ping(): Promise<void>;
}
