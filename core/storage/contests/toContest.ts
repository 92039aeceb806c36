import type { Contest, ContestContent, ContestEntry, ContestText, EntryStatus } from '../../contests/contest.ts';
import type { Prize } from '../../contests/prize.ts';
import type { Contest as ContestRow, ContestEntry as EntryRow } from '../generated/sqlite/client.ts';

export function toContest(row: ContestRow): Contest {
  return {
    id: row.id,
    title: JSON.parse(row.title) as ContestText,
    ...(row.rules ? { rules: JSON.parse(row.rules) as ContestText } : {}),
    submissionsOpenAt: row.submissionsOpenAt,
    submissionsCloseAt: row.submissionsCloseAt,
    votingOpensAt: row.votingOpensAt,
    votingClosesAt: row.votingClosesAt,
    votesPerMember: row.votesPerMember,
    prizes: JSON.parse(row.prizes) as Prize[],
    showAuthorNames: row.showAuthorNames,
    seed: row.seed,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
  };
}

/** A contest's content as its row's columns: texts and prizes as JSON. */
export function contentColumns(content: ContestContent) {
  return {
    title: JSON.stringify(content.title),
    rules: content.rules ? JSON.stringify(content.rules) : null,
    submissionsOpenAt: content.submissionsOpenAt,
    submissionsCloseAt: content.submissionsCloseAt,
    votingOpensAt: content.votingOpensAt,
    votingClosesAt: content.votingClosesAt,
    votesPerMember: content.votesPerMember,
    prizes: JSON.stringify(content.prizes),
    showAuthorNames: content.showAuthorNames,
  };
}

export function toEntry(row: EntryRow): ContestEntry {
  return {
    id: row.id,
    contestId: row.contestId,
    memberId: row.memberId,
    pictureId: row.pictureId,
    caption: row.caption,
    status: row.status as EntryStatus,
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    submittedAt: row.submittedAt,
    version: row.version,
  };
}
