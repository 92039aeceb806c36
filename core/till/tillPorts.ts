import type { Channel } from '../inbound.ts';
import type { TillState } from './tillState.ts';

/** A cashier (a staff member with the cashier role, not revoked) and where their till stands. */
export interface Cashier {
  staffId: string;
  state: TillState;
  /** Optimistic lock of the till session; 0 before the first write. */
  version: number;
}

/** The storage the till needs; implemented in core/storage/till/createTillStore.ts. */
export interface TillStore {
  /** The cashier writing from this address, or null for everyone else (customers, revoked staff). */
  findCashier(channel: Channel, address: string): Promise<Cashier | null>;
  /** Writes the state only if nobody wrote since `expectedVersion` was read; false otherwise. */
  saveSession(staffId: string, expectedVersion: number, state: TillState): Promise<boolean>;
  /** Keeps a link code for the member until `expiresAt` (the code is made by the core: core/members/linkCode.ts). */
  issueLinkCode(memberId: string, code: string, expiresAt: Date): Promise<void>;
  /** Each cashier's failed code guesses. */
  codeGuesses: CodeGuesses;
}

/**
 * Failed one-time-code guesses, counted per guesser (`key:<apiKeyId>`,
 * `cashier:<staffId>`), so the code space cannot be swept within a code's life.
 */
export interface CodeGuesses {
  /** Seconds until `guesser` may try a code again; null when they may now. */
  waitFor(guesser: string, at: Date): Promise<number | null>;
  /** Counts a code that matched no one. */
  failed(guesser: string, at: Date): Promise<void>;
}

/** Failed code guesses allowed per guesser in a minute. */
export const CODE_GUESSES_PER_MINUTE = 10;
