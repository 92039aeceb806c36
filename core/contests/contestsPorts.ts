import type { Notification } from '../outbox/outboxPorts.ts';
import type { Contest, ContestContent, ContestEntry, EntryStanding } from './contest.ts';

/** What marketers and moderators do with contests (api/routes/contestRoutes.ts). */
export interface ContestStore {
  create(content: ContestContent, now: Date): Promise<Contest>;
  /** Every contest, newest first, with how many entries each has. */
  list(): Promise<(Contest & { entries: number })[]>;
  find(id: string): Promise<Contest | null>;
  /** Every entry of every status with its votes, by votes then submission time: staff only. */
  standings(contestId: string): Promise<EntryStanding[]>;
  /** Entries waiting for a decision, oldest first, across open contests. */
  pending(limit: number): Promise<(EntryStanding & { contestTitle: Contest['title'] })[]>;
  entry(entryId: string): Promise<EntryStanding | null>;
  /**
   * Approves or rejects a pending entry; the first decision counts. The
   * author's message is written in the same transaction, so it goes out once.
   */
  decide(decision: Decision, notify: (entry: EntryStanding) => Notification): Promise<DecideOutcome>;
}

export interface Decision {
  entryId: string;
  approve: boolean;
  reason: string | null;
  /** "slack:<user id>" or "console:<account id>". */
  decidedBy: string;
  now: Date;
}

export type DecideOutcome =
  | { kind: 'decided'; entry: EntryStanding }
  /** Someone decided first: their decision stands. */
  | { kind: 'already'; entry: EntryStanding }
  | { kind: 'not-found' };

/** An approved entry as a voter sees it. */
export interface ShownEntry {
  id: string;
  memberId: string;
  pictureId: string;
  caption: string | null;
  authorName: string;
}

export type SubmitOutcome =
  | { kind: 'submitted'; entry: ContestEntry; replaced: boolean }
  /** Submissions closed meanwhile. */
  | { kind: 'closed' };

export type CastOutcome =
  | { kind: 'counted' }
  /** This voter voted for this entry already (a double tap): counted once. */
  | { kind: 'already' }
  /** Every one of the voter's votes is used. */
  | { kind: 'limit' };

/** What submitting and voting in a chat need (core/contests/contestChat.ts). */
export interface ContestPlayStore {
  /** Contests not closed whose submissions opened by `now`, newest first. */
  current(now: Date): Promise<Contest[]>;
  find(id: string): Promise<Contest | null>;
  entryOf(contestId: string, memberId: string): Promise<ContestEntry | null>;
  findEntry(entryId: string): Promise<ContestEntry | null>;
  /**
   * The member's one entry, created or replaced (pending again, for a new
   * decision) while submissions are open at `now`; the check and the write
   * are one conditional statement.
   */
  submit(
    contestId: string,
    memberId: string,
    pictureId: string,
    caption: string | null,
    now: Date,
  ): Promise<SubmitOutcome>;
  approvedEntries(contestId: string): Promise<ShownEntry[]>;
  /**
   * One vote, in the first free slot of 1..limit: the primary key
   * (contest, voter, slot) caps the votes and the unique (contest, voter,
   * entry) keeps a second vote for the same entry out, whatever runs at once.
   */
  cast(contestId: string, voterId: string, entryId: string, limit: number, now: Date): Promise<CastOutcome>;
  /** The entries this voter voted for. */
  votedBy(contestId: string, voterId: string): Promise<string[]>;
}

/** What the closing job needs. */
export interface ContestCloseStore {
  /** Contests whose voting closed by `now` and that are not settled yet. */
  due(now: Date, limit: number): Promise<Contest[]>;
  standings(contestId: string): Promise<EntryStanding[]>;
  /** Marks the contest closed and writes the messages, in one transaction; false when another run did it. */
  close(contestId: string, notices: Notification[], now: Date): Promise<boolean>;
}

/**
 * Pictures members send, checked by their bytes (JPEG, PNG or WebP, at
 * most 10 MB) and stripped of their metadata before anyone sees them.
 */
export interface ContestPictures {
  /** The cleaned picture's id, or null when the bytes are not an accepted picture. */
  keep(bytes: Uint8Array): Promise<string | null>;
  read(id: string): Promise<Uint8Array | null>;
}
