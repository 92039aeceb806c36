import type { Channel } from '../inbound.ts';
import type { MemberCriteria } from './memberSearch.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ChatState } from '../conversation/chatState.ts';
import type { NotificationTopic } from '../notifications/notificationTopics.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { JobDeps, Page, ScheduledNotification } from '../jobs/jobsPorts.ts';

export interface Birthday {
  day: number;
  month: number;
  year?: number;
}

export interface MemberRecord {
  id: string;
  cardNumber: string;
  name: string;
  /** E.164; null after a member whose number was never proven lost it to its proven owner. */
  phone: string | null;
  /** True when a messenger proved the number is the member's own; a typed number is not. */
  phoneVerified: boolean;
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
  /** Set once the person's data was erased: the record is an anonymous owner of its ledger, no one to serve. */
  erasedAt?: Date | null;
}

export interface Enrolment {
  /** When the card is issued, by the core's clock. */
  at: Date;
  chatId: string;
  chatVersion: number;
  member: Omit<
    MemberRecord,
    'balance' | 'tier' | 'createdAt' | 'lifetimeSpend' | 'lifetimeEarned' | 'purchaseCount' | 'stamps'
  > & { phone: string; consentAt: Date; consentVersion: string; birthdaySetAt: Date | null };
  welcome: { points: number; expiresAt: Date | null } | null;
  nextState: ChatState;
}

export type EnrolmentResult =
  /** `welcomeWithheld`: this phone had its welcome bonus before its member's data was erased, less than a year ago. */
  | { ok: true; member: MemberRecord; welcomeWithheld?: boolean }
  | { ok: false; reason: 'phone-taken' | 'card-taken' | 'chat-changed' };

/** Members: who they are, their language, what they switched off, and how they join. */
export interface MemberStore {
  findMember(id: string): Promise<MemberRecord | null>;
  findMemberByPhone(phone: string): Promise<MemberRecord | null>;
  setMemberLocale(memberId: string, locale: Locale): Promise<void>;
  /** The kinds of message the member switched off. */
  mutedTopics(memberId: string): Promise<NotificationTopic[]>;
  setMuted(memberId: string, topic: NotificationTopic, muted: boolean): Promise<void>;
  enrol(enrolment: Enrolment): Promise<EnrolmentResult>;
  /**
   * The proven owner of `phone` claims it from the member holding it. A
   * member whose number is proven, or who has no chat yet (enrolled at the
   * till, a person present), is the owner: the number is marked proven and
   * the chat may link (`link`). Otherwise the number leaves that member and
   * `notice` is queued to them in the same transaction (`released`).
   * `moved` when the member no longer holds the number.
   */
  claimPhone(claim: PhoneClaim): Promise<'link' | 'released' | 'moved'>;
  /** Counts a number tried by `chatId` at `at`; answers how many it tried in the hour up to `at`, this one included. */
  countPhoneAttempt(chatId: string, at: Date): Promise<number>;
  /**
   * A chat that typed a number with a card asks that member to confirm: the
   * code's notice goes to the member's best reachable chat and the chat takes
   * `nextState` (which holds the code's hash), together. `no-chat` when the
   * member has no chat to send it to, `limited` past three codes an hour for
   * one member, `chat-changed` when the chat moved on meanwhile.
   */
  sendLinkCode(request: LinkCodeRequest): Promise<'sent' | 'no-chat' | 'limited' | 'chat-changed'>;
  /** The member's chats, most recently used first, and the channel they chose for notifications (null: the recent one). */
  chatsOf(memberId: string): Promise<MemberChats>;
  /**
   * Disconnects one of the member's chats: the chat forgets the card (and is
   * a stranger's again), the card keeps its points and history. `last` when
   * it is their only chat, which is never disconnected; `not-theirs` when the
   * chat is gone or belongs to someone else.
   */
  unlinkChat(memberId: string, chatId: string): Promise<'unlinked' | 'last' | 'not-theirs'>;
  /** Where notifications go: a channel of the member's choice, or null for the chat they used most recently. */
  setNotifyChannel(memberId: string, channel: Channel | null): Promise<void>;
  /**
   * Uses a link code the till showed: the code is spent and the chat joins its
   * member, together. `invalid` for a code that is unknown, used or expired.
   */
  redeemLinkCode(request: {
    code: string;
    chatId: string;
    chatVersion: number;
    nextState: ChatState;
    at: Date;
  }): Promise<MemberRecord | 'invalid' | 'chat-changed'>;
  /** Issues a card without a chat (enrolment at the till); the chat is linked later by a proven phone. */
  enrolAtTill(enrolment: TillEnrolment): Promise<TillEnrolmentResult>;
}

/** A member's chats as the member sees them. */
export interface MemberChats {
  chats: Array<{ id: string; channel: Channel; lastSeenAt: Date | null }>;
  notifyChannel: Channel | null;
}

/** A link code on its way to a member's chat, and the state of the chat that waits for it. */
export interface LinkCodeRequest {
  memberId: string;
  chatId: string;
  chatVersion: number;
  nextState: ChatState;
  notice: Notification;
  at: Date;
}

/** A proven owner claiming their number. */
export interface PhoneClaim {
  memberId: string;
  phone: string;
  at: Date;
  notice: Notification;
  /** The chat whose verified contact claims the number, for the audit log. */
  claimingChatId: string;
}

/** Someone enrolled at the till by a point-of-sale system: no chat yet, consent given to the cashier. */
export interface TillEnrolment {
  /** When the card is issued, by the core's clock. */
  at: Date;
  name: string;
  /** E.164, already normalized. */
  phone: string;
  locale: Locale;
  consentVersion: string;
  welcome: { points: number; expiresAt: Date | null } | null;
}

export type TillEnrolmentResult = { ok: true; member: MemberRecord } | { ok: false; reason: 'phone-taken' };

/** A member whose birthday is on one of the days asked for. */
export interface BirthdayMember {
  id: string;
  name: string;
  locale: Locale;
  /** When the birthday was entered or last changed; null for birthdays older than that record. */
  birthdaySetAt: Date | null;
}

export interface MonthDay {
  month: number;
  day: number;
}

/** A birthday celebrated: the greeting, and the gift when the member earns one. */
export interface BirthdayGift {
  memberId: string;
  /** The year being celebrated, in the programme's time zone; the gift is once per year. */
  year: number;
  points: number;
  expiresAt: Date | null;
  greeting: ScheduledNotification;
  at: Date;
}

/** The birthday greetings' storage; every write is idempotent. */
export interface BirthdayStore {
  /** Members born on one of `days` not yet celebrated in `year`, in id order after `after`. */
  birthdaysOn(days: MonthDay[], year: number, after: string | null, limit: number): Promise<Page<BirthdayMember>>;
  /** Credits the gift and queues the greeting together; false when that year's birthday was celebrated before. */
  celebrate(gift: BirthdayGift): Promise<boolean>;
}

/** What the birthday job is built from. */
export type BirthdayJobDeps = JobDeps & { birthdays: BirthdayStore };

/** One member as a search result lists them; the phone is masked by whoever shows it. */
export interface MemberListing {
  id: string;
  name: string;
  cardNumber: string;
  phone: string | null;
  balance: number;
  /** The figures the tier is decided by, under whatever rules are in force when it is shown. */
  lifetimeSpend: number;
  lifetimeEarned: number;
  createdAt: Date;
}

/** A page of search results; `next` is the cursor of the following page, null on the last. */
export interface ListingPage {
  members: MemberListing[];
  next: string | null;
}

/** A linked channel as a member's page shows it: which messenger, since when, whether we can reach it. */
export interface LinkedChat {
  id: string;
  channel: string;
  locale: Locale;
  linkedAt: Date;
  unreachableAt: Date | null;
}

/** What staff see on a member's page, besides the ledger and the purchases, which are paged. */
export interface MemberProfile {
  member: MemberRecord;
  consent: { at: Date; version: string };
  birthdaySetAt: Date | null;
  chats: LinkedChat[];
  mutedTopics: NotificationTopic[];
  referral: { code: string | null; referredById: string | null; referredCount: number };
  tickets: {
    open: number;
    taken: number;
    resolved: number;
    recent: {
      id: string;
      status: string;
      reason: string;
      openedAt: Date;
      resolvedAt: Date | null;
      rating: number | null;
    }[];
  };
  erasedAt: Date | null;
}

/** One purchase on a member's page, with its refund. */
export interface PurchaseListing {
  id: string;
  receiptId: string;
  amount: number;
  paidAmount: number;
  discountPercent: number;
  redeemedPoints: number;
  earnedPoints: number;
  freeItem: boolean;
  source: string;
  createdAt: Date;
  refundedAt: Date | null;
  refundShortfall: number;
}

/** What the console's member pages read: search, a member's page, their purchases. */
export interface MemberDirectory {
  /** Members matching any of `criteria`, by name then id; erased members are never found. */
  search(criteria: MemberCriteria, page: { limit: number; cursor?: string }): Promise<ListingPage>;
  profile(memberId: string): Promise<MemberProfile | null>;
  /** Purchases newest first; `cursor` is the previous page's `next`. */
  purchases(
    memberId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ purchases: PurchaseListing[]; next: string | null }>;
}
