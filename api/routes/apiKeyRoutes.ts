import { z } from 'zod';
import { apiScopes, type ApiKeySummary } from '../../core/api/apiPorts.ts';
import type { ApiDeps } from '../apiDeps.ts';
import type { ApiKeyCache } from '../apiKeyCache.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { idParams, timestamp } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const scopesSchema = z
  .array(z.enum(apiScopes))
  .min(1)
  .meta({
    description:
      '`till`: members, purchases, and refunds of its own purchases; `reports`: read-only; `any-refund`: refunds of any purchase.',
    examples: [['till']],
  });
const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: scopesSchema,
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable(),
});
const createdKeySchema = keySchema.extend({
  key: z.string().meta({ description: 'The key itself, shown this once; only its hash is kept.' }),
});
const EXAMPLE_ID = '7c1e9a2b-3d4f-4a5b-8c6d-9e0f1a2b3c4d';

/** Keys for point-of-sale systems, managed with the admin token; a revocation reaches `apiKeys` at once. */
export function apiKeyRoutes(deps: ApiDeps, apiKeys: ApiKeyCache): ApiRoute[] {
  const common = { tag: 'API keys', access: 'admin' } as const;
  return [
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/api-keys',
      operationId: 'createApiKey',
      summary: 'Create an API key for a point-of-sale system',
      body: z.strictObject({
        name: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .meta({ description: 'Who uses the key, e.g. the shop and till.', examples: ['Shop 1, till 2'] }),
        scopes: scopesSchema.default(['till']),
      }),
      example: { body: { name: 'Shop 1, till 2', scopes: ['till'] } },
      responses: { 201: { description: 'The key, shown once.', schema: createdKeySchema } },
      problems: [],
      handle: async ({ body, client }) => {
        const { summary, key } = await deps.apiKeyStore.create(body.name, [...new Set(body.scopes)], deps.clock());
        const after = { name: summary.name, scopes: summary.scopes };
        await auditChange(deps, client, {
          action: 'api-key.created',
          subject: `key:${summary.id}`,
          before: null,
          after,
        });
        return { status: 201, body: { ...view(summary), key } };
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/api-keys',
      operationId: 'listApiKeys',
      summary: 'List API keys, revoked ones too',
      responses: { 200: { description: 'All keys, oldest first.', schema: z.object({ keys: z.array(keySchema) }) } },
      problems: [],
      handle: async () => ({ status: 200, body: { keys: (await deps.apiKeyStore.list()).map(view) } }),
    }),
    defineRoute({
      ...common,
      method: 'DELETE',
      path: '/api/v1/api-keys/{id}',
      operationId: 'revokeApiKey',
      params: idParams,
      summary: 'Revoke an API key at once',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'The revoked key; revoking again keeps the first time.', schema: keySchema } },
      problems: ['api-key-not-found'],
      handle: async ({ params, client }) => {
        const revoked = await deps.apiKeyStore.revoke(params.id, deps.clock());
        if (revoked)
          await auditChange(deps, client, {
            action: 'api-key.revoked',
            subject: `key:${revoked.id}`,
            before: null,
            after: { revokedAt: revoked.revokedAt },
          });
        apiKeys.forget(params.id);
        if (!revoked)
          throw new ApiProblem(
            'api-key-not-found',
            `There is no API key ${params.id}; GET /api/v1/api-keys lists them.`,
          );
        return { status: 200, body: view(revoked) };
      },
    }),
  ];
}

function view(key: ApiKeySummary) {
  return {
    ...key,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}
