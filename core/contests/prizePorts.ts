import type { Locale } from '../i18n/locale.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { PrizeSource } from './prize.ts';

/** One win as storage records it: points credited, or a prize code issued, and the winner's message. */
export interface PrizeGrant {
  source: PrizeSource;
  winId: string;
  memberId: string;
  prize: number;
  /** The prize's name per language, kept with the win so the till and the card show it later. */
  name: Record<string, string | undefined>;
  /** Points to credit under the ledger key `prize:<winId>`; null for a prize code. */
  points: number | null;
  /** When credited points expire, if ever. */
  expiresAt: Date | null;
  /** Draws a fresh code for a code prize; null for points. A clash with an existing code is retried with another. */
  newCode: (() => string) | null;
  at: Date;
  /** The winner's message in their language, written to the outbox in the same transaction. */
  notify(winner: { locale: Locale; name: string }, code: string | null): Notification;
}

/** `granted` now; `already` granted before (nothing changed); `member-gone` no such member, or their data was erased. */
export type GrantOutcome = 'granted' | 'already' | 'member-gone';

/** A prize code on the winner's card screen. */
export interface PrizeCodeView {
  code: string;
  name: Record<string, string | undefined>;
  awardedAt: Date;
}

export type RedeemOutcome =
  | { kind: 'redeemed'; code: string; memberId: string; name: Record<string, string | undefined>; redeemedAt: Date }
  | { kind: 'already-redeemed'; redeemedAt: Date }
  /** Not redeemed within the draw's claim period: void, its prize went to the next entry. */
  | { kind: 'lapsed'; lapsedAt: Date }
  | { kind: 'not-found' };

/** Prize wins and prize codes; implemented in core/storage/contests/createPrizeStore.ts. */
export interface PrizeStore {
  /** Records a win once (its `winId` is the key) with its points or code and its message, all or nothing. */
  grant(grant: PrizeGrant): Promise<GrantOutcome>;
  /** The member's codes not redeemed yet, oldest first. */
  unredeemedCodes(memberId: string): Promise<PrizeCodeView[]>;
  /** Redeems a code once, by one conditional update: of two tills at once, one gets `already-redeemed`. */
  redeem(code: string, by: string, at: Date): Promise<RedeemOutcome>;
}
