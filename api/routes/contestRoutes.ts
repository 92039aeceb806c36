import { z } from 'zod';
import type { Contest } from '../../core/contests/contest.ts';
import { contestContentSchema, toContestContent } from '../../core/contests/contestSchema.ts';
import { decideEntry } from '../../core/contests/decideEntry.ts';
import { REJECTION_REASONS } from '../../core/contests/rejectionReasons.ts';
import { imageTypeOf } from '../../core/imageTypeOf.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiClient, type ApiRoute } from '../apiRoute.ts';
import { contestView, contestViewSchema, entryView, entryViewSchema } from '../contestView.ts';
import { idParams } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const EXAMPLE_ID = '3f9a1c2e-5b7d-4e8f-a1b2-c3d4e5f6a7b8';

const example = {
  title: { ru: 'Лучший детский рисунок', ro: 'Cel mai bun desen de copil', en: 'The best children’s drawing' },
  rules: { en: 'One drawing per family, drawn by a child under 12.' },
  submissionsOpenAt: '2026-12-01T00:00:00Z',
  submissionsCloseAt: '2026-12-10T00:00:00Z',
  votingOpensAt: '2026-12-10T00:00:00Z',
  votingClosesAt: '2026-12-17T00:00:00Z',
  votesPerMember: 3,
  prizes: [
    { name: { en: 'A family breakfast' }, count: 1 },
    { name: { en: '500 points' }, count: 2, points: 500 },
  ],
  showAuthorNames: true,
};

const rejectBody = z
  .strictObject({
    reasonKey: z.enum(REJECTION_REASONS).optional().meta({
      description:
        'One of the common reasons, which the author reads in their language; with it, `reason` is an optional note added to it.',
    }),
    reason: z.string().trim().min(1).max(300).optional().meta({
      description:
        'Why, in your words, as the author will read it (in their language, if you can); with `reasonKey`, a note added to it.',
    }),
  })
  .refine((body) => body.reasonKey !== undefined || body.reason !== undefined, {
    message: 'give reasonKey, reason, or both',
    path: ['reason'],
  });

/** Photo and drawing contests: marketers set them up, moderators decide on entries, staff follow the standings. */
export function contestRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Contests' } as const;
  return [
    defineRoute({
      ...common,
      access: 'contests',
      method: 'POST',
      path: '/api/v1/contests',
      operationId: 'createContest',
      body: contestContentSchema,
      summary: 'Create a photo or drawing contest',
      description:
        'Submission window, then voting window (it opens at or after submissions close). Only members who joined before voting opens may vote; each votes for 1 or up to `votesPerMember` distinct entries, never their own.',
      example: { body: example },
      responses: { 201: { description: 'Created.', schema: contestViewSchema } },
      problems: [],
      handle: async ({ body, client }) => {
        const contest = await deps.contests.store.create(toContestContent(body), deps.clock());
        await audit(deps, client, 'contest.created', contest.id, { title: contest.title });
        return { status: 201, body: contestView(contest, deps.clock()) };
      },
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/contests',
      operationId: 'listContests',
      summary: 'Every contest, newest first, with how many entries each has',
      responses: { 200: { description: 'The contests.', schema: z.object({ contests: z.array(contestViewSchema) }) } },
      problems: [],
      handle: async () => {
        const now = deps.clock();
        return { status: 200, body: { contests: (await deps.contests.store.list()).map((c) => contestView(c, now)) } };
      },
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/contests/{id}',
      operationId: 'getContest',
      params: idParams,
      summary: 'One contest',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'The contest.', schema: contestViewSchema } },
      problems: ['contest-not-found'],
      handle: async ({ params }) => ({ status: 200, body: contestView(await found(deps, params.id), deps.clock()) }),
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/contests/{id}/standings',
      operationId: 'getContestStandings',
      params: idParams,
      summary: 'Every entry with its votes, most voted first (staff only)',
      description:
        'Members see no standings until voting closes, so no entry gains from a bandwagon; staff see them here. A tie goes to the earlier submission.',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'The standings.', schema: z.object({ entries: z.array(entryViewSchema) }) } },
      problems: ['contest-not-found'],
      handle: async ({ params }) => {
        await found(deps, params.id);
        return { status: 200, body: { entries: (await deps.contests.store.standings(params.id)).map(entryView) } };
      },
    }),
    defineRoute({
      ...common,
      access: 'moderation',
      method: 'GET',
      path: '/api/v1/contest-entries/pending',
      operationId: 'listPendingEntries',
      summary: 'The moderation queue: entries waiting for a decision, oldest first',
      responses: {
        200: {
          description: 'The entries.',
          schema: z.object({
            entries: z.array(entryViewSchema.extend({ contestTitle: z.record(z.string(), z.string()) })),
          }),
        },
      },
      problems: [],
      handle: async () => ({
        status: 200,
        body: {
          entries: (await deps.contests.store.pending(100)).map((e) => ({
            ...entryView(e),
            contestTitle: e.contestTitle,
          })),
        },
      }),
    }),
    defineRoute({
      ...common,
      access: 'moderation',
      method: 'GET',
      path: '/api/v1/contest-entries/{id}/picture',
      operationId: 'getEntryPicture',
      params: idParams,
      summary: 'The picture of an entry, cleaned of its metadata',
      example: { params: { id: EXAMPLE_ID } },
      responses: {
        200: {
          description: 'The picture.',
          schema: z.string().meta({ contentMediaType: 'image/*' }),
          mediaType: 'image/*',
        },
      },
      problems: ['entry-not-found'],
      handle: async ({ params }) => {
        const entry = await deps.contests.store.entry(params.id);
        const bytes = entry && (await deps.contests.pictures.read(entry.pictureId));
        if (!bytes) throw entryNotFound(params.id);
        return { status: 200, body: null, raw: { type: imageTypeOf(bytes) ?? 'application/octet-stream', bytes } };
      },
    }),
    decisionRoute(deps, 'approve'),
    decisionRoute(deps, 'reject'),
  ];
}

function decisionRoute(deps: ApiDeps, action: 'approve' | 'reject'): ApiRoute {
  return defineRoute({
    tag: 'Contests',
    access: 'moderation',
    method: 'POST',
    path: `/api/v1/contest-entries/{id}/${action}`,
    operationId: action === 'approve' ? 'approveEntry' : 'rejectEntry',
    params: idParams,
    ...(action === 'reject' ? { body: rejectBody } : {}),
    summary: action === 'approve' ? 'Approve an entry: voters will see it' : 'Reject an entry, with a reason',
    description:
      'The first decision counts, here or in Slack: deciding an entry decided already is 409 entry-decided, with the decision that stands. The author is told in their language.',
    example: {
      params: { id: EXAMPLE_ID },
      ...(action === 'reject' ? { body: { reasonKey: 'offTopic', reason: 'We asked for a winter scene.' } } : {}),
    },
    responses: { 200: { description: 'The entry as decided.', schema: entryViewSchema } },
    problems: ['entry-not-found', 'entry-decided'],
    handle: async ({ params, body, client }) => {
      const outcome = await decideEntry(
        {
          store: deps.contests.store,
          translator: deps.translator,
          defaultLocale: deps.settings.defaultLocale,
          clock: deps.clock,
        },
        {
          entryId: params.id,
          approve: action === 'approve',
          ...rejection(body as z.infer<typeof rejectBody> | undefined),
          decidedBy: `console:${client.id}`,
        },
      );
      if (outcome.kind === 'not-found') throw entryNotFound(params.id);
      if (outcome.kind === 'already')
        throw new ApiProblem(
          'entry-decided',
          `Entry ${params.id} was ${outcome.entry.status} already by ${outcome.entry.decidedBy ?? 'someone'}; the first decision stands.`,
        );
      await auditChange(deps, client, {
        action: `contest.entry.${action === 'approve' ? 'approved' : 'rejected'}`,
        subject: `contest-entry:${params.id}`,
        before: { status: 'pending' },
        after: { status: outcome.entry.status, reason: outcome.entry.reason },
      });
      return { status: 200, body: entryView(outcome.entry) };
    },
  });
}

/** A rejection's reason key and note (or own words), as `decideEntry` takes them; nothing for an approval. */
function rejection(body: z.infer<typeof rejectBody> | undefined) {
  return { reasonKey: body?.reasonKey ?? null, reason: body?.reason ?? null };
}

async function found(deps: ApiDeps, id: string): Promise<Contest> {
  const contest = await deps.contests.store.find(id);
  if (!contest)
    throw new ApiProblem('contest-not-found', `There is no contest ${id}; GET /api/v1/contests lists them.`);
  return contest;
}

function entryNotFound(id: string): ApiProblem {
  return new ApiProblem(
    'entry-not-found',
    `There is no contest entry ${id}; GET /api/v1/contests/{id}/standings lists them.`,
  );
}

function audit(deps: ApiDeps, client: ApiClient, action: string, id: string, after: unknown) {
  return auditChange(deps, client, { action, subject: `contest:${id}`, before: null, after });
}
