import { z } from 'zod';
import { createDraw } from '../../core/contests/draws/createDraw.ts';
import { drawContentShape, type DrawContent } from '../../core/contests/draws/draw.ts';
import { runDraw } from '../../core/contests/draws/runDraw.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { drawResult, drawResultSchema, drawView, drawViewSchema } from '../drawView.ts';
import { idParams } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const EXAMPLE_ID = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';

const createBody = z.strictObject(drawContentShape).superRefine((draw, context) => {
  const [opens, closes, at] = [draw.opensAt, draw.closesAt, draw.drawAt].map(Date.parse) as [number, number, number];
  if (opens >= closes)
    context.addIssue({
      code: 'custom',
      path: ['closesAt'],
      params: { reason: 'closes-before-opens' },
      message: 'must be after opensAt',
    });
  if (at < closes)
    context.addIssue({
      code: 'custom',
      path: ['drawAt'],
      params: { reason: 'closes-before-opens' },
      message: 'must not be before closesAt',
    });
});

const runBody = z.strictObject({
  beacon: z.string().max(1000).optional().meta({
    description:
      'The announced source’s value (for drand, the round’s randomness in hex). Ignored when none was announced.',
  }),
});

const example = {
  title: { ru: 'Зимний розыгрыш', ro: 'Tragerea de iarnă', en: 'Winter draw' },
  prizes: [
    { name: { ru: 'Кофемашина', ro: 'Espressor', en: 'Coffee machine' }, count: 1 },
    { name: { ru: '500 баллов', ro: '500 de puncte', en: '500 points' }, count: 3, points: 500 },
  ],
  entry: { kind: 'purchase', minAmount: 10000 },
  opensAt: '2026-12-01T00:00:00Z',
  closesAt: '2026-12-24T00:00:00Z',
  drawAt: '2026-12-24T12:00:00Z',
  beaconSource: 'drand quicknet round 5123456',
  claimDays: 14,
  published: true,
};

/** Prize draws: created with a commitment, run once, their result public and verifiable. */
export function drawRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Prize draws' } as const;
  const one = { 200: { description: 'The draw.', schema: drawViewSchema } };
  return [
    defineRoute({
      ...common,
      access: 'contests',
      method: 'POST',
      path: '/api/v1/draws',
      operationId: 'createDraw',
      body: createBody,
      summary: 'Create a prize draw; its commitment is published at once',
      description:
        'The server draws a secret seed and answers `commitment = hex(SHA-256(utf8(seed)))`, to publish in the announcement. Entries: `purchase` (minAmount: one per purchase of at least it; perAmount: one per that much spent), `optIn` (a “Take part” button in chat) or `quiz` (completing quiz `quizId` in the window).',
      example: { body: example },
      responses: { 201: { description: 'Created.', schema: drawViewSchema } },
      problems: [],
      handle: async ({ body }) => ({
        status: 201,
        body: drawView(await createDraw(deps.draws.draws, toContent(body), deps.clock())),
      }),
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/draws',
      operationId: 'listDraws',
      summary: 'Every draw, newest first',
      responses: { 200: { description: 'The draws.', schema: z.object({ draws: z.array(drawViewSchema) }) } },
      problems: [],
      handle: async () => ({ status: 200, body: { draws: (await deps.draws.draws.list()).map(drawView) } }),
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/draws/{id}',
      operationId: 'getDraw',
      params: idParams,
      summary: 'One draw',
      example: { params: { id: EXAMPLE_ID } },
      responses: one,
      problems: ['draw-not-found'],
      handle: async ({ params }) => {
        const draw = await deps.draws.draws.find(params.id);
        if (!draw) throw notFound(params.id);
        return { status: 200, body: drawView(draw) };
      },
    }),
    defineRoute({
      ...common,
      access: 'admin',
      method: 'POST',
      path: '/api/v1/draws/{id}/run',
      operationId: 'runDraw',
      params: idParams,
      body: runBody,
      summary: 'Run a draw now (once; repeating answers the same result)',
      description:
        'Runs once the entry window has closed. Of two runs at once (two instances), one draws and both answer its result; a later call answers it too, whatever beacon it brings. Winners get their prizes and are told.',
      example: { params: { id: EXAMPLE_ID }, body: { beacon: '8f3a…' } },
      responses: one,
      problems: ['draw-not-found', 'draw-still-open', 'draw-beacon-required'],
      handle: async ({ params, body }) => {
        const outcome = await runDraw(deps.draws, params.id, body.beacon);
        switch (outcome.kind) {
          case 'not-found':
            throw notFound(params.id);
          case 'still-open':
            throw new ApiProblem(
              'draw-still-open',
              `Entries count until ${outcome.closesAt.toISOString()}; run the draw after that.`,
            );
          case 'beacon-required':
            throw new ApiProblem(
              'draw-beacon-required',
              `This draw announced “${outcome.beaconSource}”: send its value as \`beacon\`.`,
            );
          case 'drawn':
            return { status: 200, body: drawView(outcome.draw) };
        }
      },
    }),
    defineRoute({
      ...common,
      access: 'public',
      method: 'GET',
      path: '/api/v1/draws/{id}/result',
      operationId: 'getDrawResult',
      params: idParams,
      summary: 'A published draw’s public result, to verify (no key needed)',
      description:
        'Before the draw: the commitment and the times. After: the seed, the beacon, the entries digest, every entry id with its member masked, and the winners. Recompute: entriesDigest = hex(SHA-256(ids sorted by UTF-8 bytes, joined by "\\n")); drawKey = hex(SHA-256(seed + ":" + entriesDigest + ":" + beacon)); score = hex(HMAC-SHA256(drawKey, entryId)); winners by score ascending, one prize per member. `lapsed` lists prize codes not redeemed within `claimDays`; each passed to `replacedBy`, the first entry in score order whose member has not won in this draw.',
      example: { params: { id: EXAMPLE_ID } },
      responses: {
        200: { description: 'The result (or, before the draw, the commitment).', schema: drawResultSchema },
      },
      problems: ['draw-not-found'],
      handle: async ({ params }) => {
        const draw = await deps.draws.draws.find(params.id);
        if (!draw?.published) throw notFound(params.id);
        const entries = draw.status === 'drawn' ? await deps.draws.draws.publicEntries(draw.id) : [];
        return { status: 200, body: drawResult(draw, entries) };
      },
    }),
  ];
}

function toContent(body: z.output<typeof createBody>): DrawContent {
  return { ...body, opensAt: new Date(body.opensAt), closesAt: new Date(body.closesAt), drawAt: new Date(body.drawAt) };
}

function notFound(id: string): ApiProblem {
  return new ApiProblem('draw-not-found', `No draw has the id ${id}; GET /api/v1/draws lists them.`);
}
