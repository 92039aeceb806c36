import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiRoute } from '../apiRoute.ts';
import { idParams, timestamp } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const MAX_POINTS = 1_000_000;

const body = z.strictObject({
  points: z
    .number()
    .int()
    .min(-MAX_POINTS)
    .max(MAX_POINTS)
    .refine((points) => points !== 0, 'must add (positive) or take (negative) points, not 0')
    .meta({ description: 'Points to add (positive) or take (negative); not 0.', examples: [50] }),
  reason: z
    .string()
    .trim()
    .min(1, 'is required: say why, the member reads it')
    .max(500)
    .meta({ description: 'Why; the member is told it, and the audit log keeps it.', examples: ['Sorry for the wait'] }),
});

const adjustmentSchema = z.object({
  memberId: z.string(),
  seq: z.number().int().meta({ description: "The ledger entry's place in the member's history." }),
  delta: z.number().int(),
  balance: z.number().int().meta({ description: 'The balance right after the adjustment.' }),
  createdAt: timestamp,
});

/** Points added or taken by hand, with a reason: once, in the ledger as `adjustment`, audited, the member told. */
export function adjustmentRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/members/{id}/adjustments',
      operationId: 'adjustPoints',
      tag: 'Members',
      access: 'adjust',
      params: idParams,
      body,
      summary: 'Add or take points by hand, with a reason',
      description:
        'Written to the ledger as kind `adjustment` and to the audit log; the member is told through their chat, in their language. ' +
        'Send an Idempotency-Key: a double submit with the same key records one adjustment. Taking more than the balance is refused.',
      example: {
        params: { id: '0b5f4c7e-2f0a-4d63-9a55-2f4f6c1d9e01' },
        body: { points: 50, reason: 'Sorry for the wait' },
      },
      responses: { 201: { description: 'The adjustment as the ledger recorded it.', schema: adjustmentSchema } },
      problems: ['member-not-found', 'member-erased', 'points-refused'],
      handle: async ({ params, body, client, idempotency }) => {
        const outcome = await deps.adjustPoints({
          memberId: params.id,
          points: body.points,
          reason: body.reason,
          actor: credentialOf(client),
          idempotencyKey: `${params.id}:${idempotency ? `${idempotency.client}:${idempotency.key}` : randomUUID()}`,
        });
        switch (outcome.kind) {
          case 'adjusted':
          case 'replayed': {
            const { entry } = outcome;
            const view = { memberId: params.id, seq: entry.seq, delta: entry.delta, balance: entry.balanceAfter };
            return { status: 201, body: { ...view, createdAt: entry.createdAt.toISOString() } };
          }
          case 'member-not-found':
            throw new ApiProblem('member-not-found', `There is no member ${params.id}.`);
          case 'member-erased':
            throw new ApiProblem(
              'member-erased',
              `The personal data of member ${params.id} was erased; their points can no longer change.`,
            );
          case 'over-balance':
            throw new ApiProblem(
              'points-refused',
              `The member has ${outcome.balance} points; at most that many can be taken. Nothing was changed.`,
              { balance: outcome.balance },
            );
        }
      },
    }),
  ];
}
