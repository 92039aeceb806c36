import type { Channel } from '../inbound.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Outbound } from '../outbound.ts';
import type { ChatState, MemberState } from './chatState.ts';
import type { MemberRecord } from '../members/membersPorts.ts';

export type MemberChat = ChatRecord & { state: MemberState };

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
  /** When the person last wrote here, to the nearest few minutes (null before this was kept). */
  lastSeenAt: Date | null;
  consentAt: Date;
  consentVersion: string;
}

/** Updates already handled, so a platform's redelivery has no second effect. */
export interface InboundLog {
  /** Records an update as handled; false when it was handled before. */
  claimUpdate(channel: Channel, updateId: string): Promise<boolean>;
  /** Forgets a claim whose handling failed, so the platform's retry is handled. */
  releaseUpdate(channel: Channel, updateId: string): Promise<void>;
  /** Keeps the replies to a handled update, for a client that asks again. */
  rememberReplies(channel: Channel, updateId: string, replies: Outbound[]): Promise<void>;
  /** The replies kept for an update; null when none were kept (yet). */
  recallReplies(channel: Channel, updateId: string): Promise<Outbound[] | null>;
}

/** Conversations and their state machines, one per channel address. */
export interface ChatStore {
  /** The chat with its member, if it has one, in one round trip. */
  findChat(channel: Channel, address: string): Promise<(ChatRecord & { member: MemberRecord | null }) | null>;
  /** Creates the chat, or returns the one a concurrent update created first. */
  createChat(
    chat: Omit<ChatRecord, 'id' | 'version' | 'memberId' | 'unreachableAt' | 'lastSeenAt'>,
  ): Promise<ChatRecord>;
  /** Writes state only if nobody wrote since `expectedVersion` was read. */
  saveChat(chatId: string, expectedVersion: number, change: { state?: ChatState; locale?: Locale }): Promise<boolean>;
  deleteChat(chatId: string): Promise<void>;
  /** The person wrote to us, so they can be written to again. */
  markReachable(chatId: string): Promise<void>;
  /** The person wrote here at `at`: their notifications go to the chat they used most recently. */
  markSeen(chatId: string, at: Date): Promise<void>;
  /** The platform said the person left (Viber's unsubscribed): nothing is pushed to the chat until they write again. */
  markUnreachable(channel: Channel, address: string, at: Date): Promise<void>;
  /** Links a chat to an existing member whose phone was proven by the platform. */
  linkChat(chatId: string, expectedVersion: number, memberId: string, nextState: ChatState): Promise<boolean>;
}
