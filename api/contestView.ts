import { z } from 'zod';
import { phaseOf, type Contest, type EntryStanding } from '../core/contests/contest.ts';
import { timestamp } from './fields.ts';

const text = z.record(z.string(), z.string()).meta({ description: 'A text by language (ru, ro, en).' });

export const contestViewSchema = z.object({
  id: z.string(),
  phase: z
    .enum(['upcoming', 'submissions', 'between', 'voting', 'counting', 'closed'])
    .meta({ description: 'Where the contest stands now; counting: voting closed, the winners not settled yet.' }),
  title: text,
  rules: text.optional(),
  submissionsOpenAt: timestamp,
  submissionsCloseAt: timestamp,
  votingOpensAt: timestamp,
  votingClosesAt: timestamp,
  votesPerMember: z.number().int(),
  prizes: z.array(z.object({ name: text, count: z.number().int(), points: z.number().int().optional() })),
  showAuthorNames: z.boolean(),
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
  entries: z.number().int().optional().meta({ description: 'Entries of every status (lists only).' }),
});

export function contestView(contest: Contest & { entries?: number }, now: Date): z.input<typeof contestViewSchema> {
  return {
    id: contest.id,
    phase: phaseOf(contest, now),
    title: contest.title,
    ...(contest.rules ? { rules: contest.rules } : {}),
    submissionsOpenAt: contest.submissionsOpenAt.toISOString(),
    submissionsCloseAt: contest.submissionsCloseAt.toISOString(),
    votingOpensAt: contest.votingOpensAt.toISOString(),
    votingClosesAt: contest.votingClosesAt.toISOString(),
    votesPerMember: contest.votesPerMember,
    prizes: contest.prizes,
    showAuthorNames: contest.showAuthorNames,
    closedAt: contest.closedAt?.toISOString() ?? null,
    createdAt: contest.createdAt.toISOString(),
    ...(contest.entries !== undefined ? { entries: contest.entries } : {}),
  };
}

export const entryViewSchema = z.object({
  id: z.string(),
  contestId: z.string(),
  memberId: z.string(),
  authorName: z.string().meta({ description: "The author's name as registered (staff only)." }),
  caption: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string().nullable().meta({ description: 'Why it was rejected, as its author was told.' }),
  decidedBy: z.string().nullable().meta({ description: '"slack:<user id>" or "console:<account id>".' }),
  decidedAt: timestamp.nullable(),
  submittedAt: timestamp,
  votes: z.number().int(),
  pictureUrl: z.string().meta({ description: 'The cleaned picture, for signed-in staff.' }),
});

export function entryView(entry: EntryStanding): z.input<typeof entryViewSchema> {
  return {
    id: entry.id,
    contestId: entry.contestId,
    memberId: entry.memberId,
    authorName: entry.authorName,
    caption: entry.caption,
    status: entry.status,
    reason: entry.reason,
    decidedBy: entry.decidedBy,
    decidedAt: entry.decidedAt?.toISOString() ?? null,
    submittedAt: entry.submittedAt.toISOString(),
    votes: entry.votes,
    pictureUrl: `/api/v1/contest-entries/${entry.id}/picture`,
  };
}
