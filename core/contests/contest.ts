import type { Locale } from '../i18n/locale.ts';
import type { Prize } from './prize.ts';

/** A text in the programme's languages; a missing one falls back to the default language. */
export type ContestText = Partial<Record<Locale, string>>;

/** What a marketer sets for a photo or drawing contest. */
export interface ContestContent {
  title: ContestText;
  rules?: ContestText;
  submissionsOpenAt: Date;
  submissionsCloseAt: Date;
  /** Only members who joined before this may vote, so accounts made just to vote do not count. */
  votingOpensAt: Date;
  votingClosesAt: Date;
  /** 1, or up to N distinct entries. */
  votesPerMember: number;
  prizes: Prize[];
  /** Whether voters and the gallery see the author's first name. */
  showAuthorNames: boolean;
}

export interface Contest extends ContestContent {
  id: string;
  /** Secret: each voter's order of entries is an HMAC under it (contestOrder.ts). Never shown. */
  seed: string;
  closedAt: Date | null;
  createdAt: Date;
}

export type ContestPhase = 'upcoming' | 'submissions' | 'between' | 'voting' | 'counting' | 'closed';

/** Where the contest stands at `now`; `counting` is after voting closed and before the closing job ran. */
export function phaseOf(contest: Contest, now: Date): ContestPhase {
  if (contest.closedAt) return 'closed';
  if (now < contest.submissionsOpenAt) return 'upcoming';
  if (now < contest.submissionsCloseAt) return 'submissions';
  if (now < contest.votingOpensAt) return 'between';
  if (now < contest.votingClosesAt) return 'voting';
  return 'counting';
}

export const entryStatuses = ['pending', 'approved', 'rejected'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

/** One member's entry. */
export interface ContestEntry {
  id: string;
  contestId: string;
  memberId: string;
  pictureId: string;
  caption: string | null;
  status: EntryStatus;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  submittedAt: Date;
  version: number;
}

/** An entry with its author's first name and votes, for staff and the closing job. */
export interface EntryStanding extends ContestEntry {
  authorName: string;
  authorLocale: Locale;
  votes: number;
}

/**
 * Standings by votes; a tie goes to the earlier submission (then the id, so
 * the order never depends on how the database returned the rows).
 */
export function rankEntries<E extends Pick<EntryStanding, 'votes' | 'submittedAt' | 'id'>>(entries: E[]): E[] {
  return [...entries].sort(
    (a, b) =>
      b.votes - a.votes ||
      a.submittedAt.getTime() - b.submittedAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The first word of a member's name: what voters see when the contest shows authors. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}
