import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { idParams, timestamp } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const ledgerSchema = z.object({
  entries: z.array(
    z.object({
      seq: z.number().int().meta({ description: "The entry's place in the member's history: 1, 2, 3…" }),
      kind: z.string().meta({ description: 'welcome, purchase, redeem, refund, expiry…' }),
      delta: z.number().int().meta({ description: 'Points added (positive) or taken (negative).' }),
      balanceAfter: z.number().int(),
      expiresAt: timestamp.nullable().meta({ description: 'For points added: when they expire, if ever.' }),
      createdAt: timestamp,
    }),
  ),
  nextBefore: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Pass as `before` for the next, older page; null on the last page.' }),
});

/** A member's points history, newest first, paged by a stable cursor. */
export function ledgerRoutes(deps: ApiDeps): ApiRoute[] {
  const query = z.strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Entries per page, 1 to 100.' }),
    before: z.coerce.number().int().min(1).optional().meta({ description: '`nextBefore` of the previous page.' }),
  });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/members/{id}/ledger',
      operationId: 'getLedger',
      tag: 'Members',
      access: 'read',
      params: idParams,
      query,
      summary: "A member's points history, newest first",
      example: { params: { id: '0b5f4c7e-2f0a-4d63-9a55-2f4f6c1d9e01' }, query: { limit: '20' } },
      responses: { 200: { description: 'One page of the ledger.', schema: ledgerSchema } },
      problems: ['member-not-found'],
      handle: async ({ params, query }) => {
        // currentMember retires expired lots first, so the page shows their expiry lines.
        if (!(await deps.points.currentMember(params.id)))
          throw new ApiProblem('member-not-found', `There is no member ${params.id}.`);
        const page = await deps.ledger.ledgerPage(params.id, query);
        const entries = page.entries.map((e) => ({
          ...e,
          expiresAt: e.expiresAt?.toISOString() ?? null,
          createdAt: e.createdAt.toISOString(),
        }));
        return { status: 200, body: { entries, nextBefore: page.nextBefore } };
      },
    }),
  ];
}
