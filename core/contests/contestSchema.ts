import { z } from 'zod';
import { localizedText } from '../textFields.ts';
import type { ContestContent } from './contest.ts';
import { prizesSchema } from './prize.ts';

export const CONTEST_LIMITS = { votesPerMember: { min: 1, max: 10 }, caption: 200 } as const;

const instant = (description: string) => z.iso.datetime({ offset: true }).meta({ description });

/** A contest as the marketer sends it (POST /api/v1/contests). */
export const contestContentSchema = z
  .strictObject({
    title: localizedText(80, 'The title, shown on the menu button and the gallery page.'),
    rules: localizedText(1000, 'The rules, shown before a member sends their picture.').optional(),
    submissionsOpenAt: instant('From when members can send their photo or drawing.'),
    submissionsCloseAt: instant('Until when; an entry can be replaced until then.'),
    votingOpensAt: instant(
      'From when members vote; at or after submissionsCloseAt. Only members who joined before it may vote.',
    ),
    votingClosesAt: instant('Until when; the winners are settled and everyone who took part is told then.'),
    votesPerMember: z
      .int()
      .min(CONTEST_LIMITS.votesPerMember.min)
      .max(CONTEST_LIMITS.votesPerMember.max)
      .default(1)
      .meta({ description: 'How many distinct entries each member may vote for: 1 by default.' }),
    prizes: prizesSchema.meta({ description: 'The prizes in order: the most voted entries take them.' }),
    showAuthorNames: z
      .boolean()
      .default(false)
      .meta({ description: "Whether voters and the gallery see each author's first name." }),
  })
  .superRefine((contest, context) => {
    const order: [keyof typeof contest, keyof typeof contest, string][] = [
      ['submissionsOpenAt', 'submissionsCloseAt', 'must be after submissionsOpenAt'],
      ['submissionsCloseAt', 'votingOpensAt', 'must not be before submissionsCloseAt'],
      ['votingOpensAt', 'votingClosesAt', 'must be after votingOpensAt'],
    ];
    for (const [earlier, later, message] of order) {
      const gap = Date.parse(String(contest[later])) - Date.parse(String(contest[earlier]));
      const allowsEqual = earlier === 'submissionsCloseAt';
      if (gap < 0 || (gap === 0 && !allowsEqual))
        context.addIssue({ code: 'custom', path: [later], params: { reason: 'closes-before-opens' }, message });
    }
  });

export type ContestContentInput = z.output<typeof contestContentSchema>;

export function toContestContent(input: ContestContentInput): ContestContent {
  return {
    ...input,
    submissionsOpenAt: new Date(input.submissionsOpenAt),
    submissionsCloseAt: new Date(input.submissionsCloseAt),
    votingOpensAt: new Date(input.votingOpensAt),
    votingClosesAt: new Date(input.votingClosesAt),
  };
}
