import { z } from 'zod';
import { previewSegment } from '../../core/segments/previewSegment.ts';
import type { Segment } from '../../core/segments/segment.ts';
import {
  segmentFiltersSchema,
  unknownReferences,
  unknownTiers,
  type SegmentFilters,
} from '../../core/segments/segmentFilters.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiClient, type ApiRoute } from '../apiRoute.ts';
import { idParams } from '../fields.ts';
import { ApiProblem } from '../problem.ts';
import { segmentCountSchema, segmentCountView, segmentView, segmentViewSchema } from '../segmentView.ts';

const EXAMPLE_ID = '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';

const segmentBody = z.strictObject({
  name: z.string().trim().min(1).max(80).meta({ description: 'Unique among segments.' }),
  filters: segmentFiltersSchema.default({}).meta({ description: 'Every filter optional; `{}` means every member.' }),
});

const example = {
  name: 'Silver, Russian, lapsed',
  filters: {
    tiers: ['silver'],
    locales: ['ru'],
    channels: ['telegram'],
    daysSinceLastPurchase: { min: 30 },
    purchaseCount: { min: 2 },
  },
};

/** Segments: saved, named audiences for campaigns, counted live while a marketer edits them. */
export function segmentRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Segments', access: 'campaigns' } as const;
  const one = { 200: { description: 'The segment.', schema: segmentViewSchema } };
  const counted = { 200: { description: 'Who matches now.', schema: segmentCountSchema } };
  const preview = (filters: SegmentFilters) =>
    previewSegment(deps.segments.members, filters, deps.clock(), deps.settings.timezone);
  return [
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/segments',
      operationId: 'createSegment',
      body: segmentBody,
      summary: 'Save a segment',
      description: 'Filters are combined with AND; a list filter matches any of its values.',
      example: { body: example },
      responses: { 201: { description: 'Saved.', schema: segmentViewSchema } },
      problems: ['segment-name-taken', 'segment-reference-unknown'],
      handle: async ({ body, client }) => {
        await checkFilters(deps, body.filters);
        const segment = taken(await deps.segments.store.create(body, deps.clock()), body.name);
        await audit(deps, client, 'segment.created', segment.id, null, contentOf(segment));
        return { status: 201, body: segmentView(segment) };
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/segments',
      operationId: 'listSegments',
      summary: 'Every saved segment, by name',
      responses: {
        200: { description: 'The segments.', schema: z.object({ segments: z.array(segmentViewSchema) }) },
      },
      problems: [],
      handle: async () => ({ status: 200, body: { segments: (await deps.segments.store.list()).map(segmentView) } }),
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/segments/count',
      operationId: 'countSegmentFilters',
      body: z.strictObject({ filters: segmentFiltersSchema }),
      summary: 'Count the members some filters match, before saving them',
      description: 'What the console asks while the marketer edits: the count and the newest ten members.',
      example: { body: { filters: example.filters } },
      responses: counted,
      problems: ['segment-reference-unknown'],
      handle: async ({ body }) => {
        await checkFilters(deps, body.filters);
        return { status: 200, body: segmentCountView(await preview(body.filters)) };
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/segments/{id}',
      operationId: 'getSegment',
      params: idParams,
      summary: 'One segment',
      example: { params: { id: EXAMPLE_ID } },
      responses: one,
      problems: ['segment-not-found'],
      handle: async ({ params }) => ({ status: 200, body: segmentView(await found(deps, params.id)) }),
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/segments/{id}/count',
      operationId: 'countSegment',
      params: idParams,
      summary: 'Count the members a saved segment matches now',
      example: { params: { id: EXAMPLE_ID } },
      responses: counted,
      problems: ['segment-not-found'],
      handle: async ({ params }) => {
        const segment = await found(deps, params.id);
        return { status: 200, body: segmentCountView(await preview(segment.filters)) };
      },
    }),
    defineRoute({
      ...common,
      method: 'PUT',
      path: '/api/v1/segments/{id}',
      operationId: 'putSegment',
      params: idParams,
      body: segmentBody,
      summary: 'Rename a segment or change its filters',
      example: { params: { id: EXAMPLE_ID }, body: example },
      responses: one,
      problems: ['segment-not-found', 'segment-name-taken', 'segment-reference-unknown'],
      handle: async ({ params, body, client }) => {
        const before = await found(deps, params.id);
        await checkFilters(deps, body.filters);
        const outcome = await deps.segments.store.update(params.id, body, deps.clock());
        if (outcome === 'not-found') throw notFound(params.id);
        const segment = taken(outcome, body.name);
        await audit(deps, client, 'segment.updated', segment.id, contentOf(before), contentOf(segment));
        return { status: 200, body: segmentView(segment) };
      },
    }),
    defineRoute({
      ...common,
      method: 'DELETE',
      path: '/api/v1/segments/{id}',
      operationId: 'deleteSegment',
      params: idParams,
      summary: 'Delete a segment',
      description: 'Members are not touched; the segment’s name is free again.',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'The segment as it was.', schema: segmentViewSchema } },
      problems: ['segment-not-found'],
      handle: async ({ params, client }) => {
        const segment = await found(deps, params.id);
        if (!(await deps.segments.store.remove(params.id))) throw notFound(params.id);
        await audit(deps, client, 'segment.deleted', segment.id, contentOf(segment), null);
        return { status: 200, body: segmentView(segment) };
      },
    }),
  ];
}

/** What the filters name must exist: a tier, a contest or a draw the programme lacks would match nobody without a word. */
async function checkFilters(deps: ApiDeps, filters: SegmentFilters): Promise<void> {
  await checkTiers(deps, filters);
  await checkReferences(deps, filters);
}

async function checkReferences(deps: ApiDeps, filters: SegmentFilters): Promise<void> {
  const unknown = await unknownReferences(filters, {
    contest: async (id) => (await deps.contests.store.find(id)) !== null,
    draw: async (id) => (await deps.draws.draws.find(id)) !== null,
  });
  if (unknown.length === 0) return;
  const what = (filter: string) => (filter === 'enteredContests' ? 'contest' : 'draw');
  throw new ApiProblem(
    'segment-reference-unknown',
    `There is no ${unknown.map((ref) => `${what(ref.filter)} ${ref.id}`).join(', ')}; GET /api/v1/contests and GET /api/v1/draws list them.`,
    {
      errors: unknown.map((ref) => ({
        location: 'body',
        pointer: `/filters/${ref.filter}/${ref.index}`,
        detail: `no ${what(ref.filter)} has this id`,
      })),
    },
  );
}

async function checkTiers(deps: ApiDeps, filters: SegmentFilters): Promise<void> {
  const codes = (await deps.points.rules()).tiers.map((tier) => tier.code);
  const unknown = unknownTiers(filters, codes);
  if (unknown.length > 0)
    throw new ApiProblem(
      'validation',
      `The programme has no tier ${unknown.join(', ')}; its tiers are ${codes.join(', ')} (GET /api/v1/program).`,
      {
        errors: unknown.map(() => ({
          location: 'body',
          pointer: '/filters/tiers',
          detail: `must be one of ${codes.join(', ')}`,
        })),
      },
    );
}

async function found(deps: ApiDeps, id: string): Promise<Segment> {
  const segment = await deps.segments.store.find(id);
  if (!segment) throw notFound(id);
  return segment;
}

function taken(outcome: Segment | 'name-taken', name: string): Segment {
  if (outcome === 'name-taken')
    throw new ApiProblem('segment-name-taken', `A segment named “${name}” exists already; choose another name.`);
  return outcome;
}

function notFound(id: string): ApiProblem {
  return new ApiProblem('segment-not-found', `There is no segment ${id}; GET /api/v1/segments lists them.`);
}

const contentOf = (segment: Segment) => ({ name: segment.name, filters: segment.filters });

function audit(deps: ApiDeps, client: ApiClient, action: string, id: string, before: unknown, after: unknown) {
  return auditChange(deps, client, { action, subject: `segment:${id}`, before, after });
}
