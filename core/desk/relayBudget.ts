import type { Locale } from '../i18n/locale.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Outbound } from '../outbound.ts';
import type { DeskPost } from './deskPost.ts';

type ThreadPost = Extract<DeskPost, { kind: 'thread' }>;

/** A customer's message as the relay sees it. */
export interface RelayedMessage {
  text: string;
  photo: boolean;
}

/**
 * How many of one ticket's customer messages reach the staff channel each
 * minute. A flood (hundreds of long messages in seconds) would otherwise fill
 * the ticket's thread and, at the desk's one post a second, bury it. The
 * ticket keeps every message; those over the budget are held and merged into
 * one post, sent when the burst's minute is over, and the customer is asked,
 * once, to wait for an answer.
 */
export interface RelayBudget {
  /** Customer messages per ticket relayed one by one within any minute. */
  perMinute: number;
  /** How long the merged post waits for more of the burst before it goes out. */
  holdMs: number;
  /** The merged post with one more message in it (the first when `previous` is null). */
  merge(previous: ThreadPost | null, memberName: string, message: RelayedMessage): ThreadPost;
  /** What the customer is told, in their language, when their messages start being held. */
  pleaseWait(locale: Locale): Outbound;
}

/** How much of the held messages the merged post quotes; Slack cuts a message at 40,000 characters. */
const HELD_QUOTE_MAX = 12_000;
const SEPARATOR = '\n\n';

export function createRelayBudget(perMinute: number, translator: Translator, staffLocale: Locale): RelayBudget {
  if (!Number.isInteger(perMinute) || perMinute < 1)
    throw new RangeError(`The desk's relay budget must be a whole number of messages a minute, got ${perMinute}.`);
  const staffT = translator.forLocale(staffLocale);
  return {
    perMinute,
    holdMs: 60_000,
    merge(previous, memberName, message) {
      const piece = [message.photo ? staffT('desk.thread.heldPhoto') : '', message.text].filter(Boolean).join(' ');
      const quoted = previous?.quote ?? '';
      const fits = quoted.length + SEPARATOR.length + piece.length <= HELD_QUOTE_MAX;
      const held = { count: (previous?.held?.count ?? 0) + 1, shown: (previous?.held?.shown ?? 0) + (fits ? 1 : 0) };
      const quote = fits ? [quoted, piece].filter(Boolean).join(SEPARATOR) : quoted;
      const header = staffT('desk.thread.held', { name: memberName, count: held.count });
      const omitted = held.count - held.shown;
      const text = omitted > 0 ? `${header} ${staffT('desk.thread.heldOmitted', { count: omitted })}` : header;
      return { kind: 'thread', text, ...(quote && { quote }), held };
    },
    pleaseWait: (locale) => ({ text: translator.forLocale(locale)('desk.relayHeld') }),
  };
}
