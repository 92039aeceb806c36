import type { Locale } from './i18n/locale.ts';

/** The channels a customer can reach us on. */
export const channels = ['telegram', 'viber', 'web'] as const;
export type Channel = (typeof channels)[number];

export function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value);
}

/**
 * Whether the platform vouches that a shared contact is the sender's own
 * number: `proven` (Telegram's contact carries the sender's user id),
 * `someone-else` (it carries another id), or `unknown` (Viber's contact
 * carries no owner, and a user may forward any contact from their address
 * book, so it counts no more than a typed number).
 */
export type ContactOwnership = 'proven' | 'someone-else' | 'unknown';

/** What the person did, independent of the platform. */
export type InboundEvent =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: string; payload?: string }
  | { kind: 'button'; payload: string }
  | { kind: 'contact'; phone: string; ownership: ContactOwnership }
  /** `size`: the bytes the platform says the picture has, when it says so, so an oversized one is refused unfetched. */
  | { kind: 'photo'; fileId: string; caption?: string; size?: number };

/**
 * One platform update, translated by an adapter. `updateId` is unique per
 * channel and identical on redelivery, which is what de-duplication keys on.
 */
export interface Inbound {
  channel: Channel;
  /** The person's address on that channel (Telegram chat id, web visitor id…). */
  address: string;
  updateId: string;
  /** The platform's idea of the person's language, if it has one (e.g. `ru-RU`). */
  languageHint?: string;
  /** The name the platform shows for the person; a suggestion, never stored unasked. */
  profileName?: string;
  /**
   * The reply travels back in the response to this very request (web chat),
   * so a retry of a request whose response was lost must get it again.
   */
  repliesInResponse?: boolean;
  event: InboundEvent;
}

export type { Locale };

/** Whether the event is the command `/<command>` (with or without a payload). */
export function isCommand(event: InboundEvent, command: string): boolean {
  return event.kind === 'command' && event.command === command;
}
