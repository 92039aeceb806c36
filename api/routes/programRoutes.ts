import { z } from 'zod';
import { defaultProgramRules, programRulesSchema } from '../../core/program/programRules.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { applyMergePatch } from '../mergePatch.ts';
import { validatedBody } from '../validateRequest.ts';

/** Any JSON object: what it may contain is decided by the rules' schema once it is merged. */
const mergePatchSchema = z.record(z.string(), z.unknown()).meta({
  description:
    'A JSON Merge Patch (RFC 7396) of the rules: the fields to change, objects merged, arrays replaced whole, null to put a field back to its default.',
});

/**
 * The programme rules, changed by marketers without a redeploy. Unknown
 * fields are refused rather than ignored: a misspelt field would otherwise
 * silently fall back to its default.
 */
export function programRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Programme', access: 'program', path: '/api/v1/program' } as const;
  const rulesNow = {
    200: { description: 'The rules now in force, every field filled in.', schema: programRulesSchema },
  };
  return [
    defineRoute({
      ...common,
      method: 'GET',
      operationId: 'getProgram',
      summary: 'The programme rules in force',
      responses: { 200: { description: 'The rules, every field filled in.', schema: programRulesSchema } },
      problems: [],
      handle: async () => ({ status: 200, body: await deps.points.rules() }),
    }),
    defineRoute({
      ...common,
      method: 'PUT',
      operationId: 'putProgram',
      body: programRulesSchema.strict(),
      summary: 'Replace the programme rules',
      description:
        'Replaces the whole document: a field left out takes its default, not its current value. To change some rules only, use PATCH. Takes effect with the next purchase.',
      example: { body: defaultProgramRules },
      responses: rulesNow,
      problems: [],
      handle: async ({ body }) => {
        await deps.points.saveRules(body);
        return { status: 200, body: await deps.points.rules() };
      },
    }),
    defineRoute({
      ...common,
      method: 'PATCH',
      operationId: 'patchProgram',
      body: mergePatchSchema,
      bodyType: 'application/merge-patch+json',
      summary: 'Change some programme rules',
      description:
        'Merges the body (application/merge-patch+json, RFC 7396) into the rules in force; the result is checked like a PUT body, and nothing changes if it is invalid. Takes effect with the next purchase.',
      example: { body: { birthdayBonus: 250 } },
      responses: rulesNow,
      problems: [],
      handle: async ({ body }) => {
        const merged = validatedBody(programRulesSchema.strict(), applyMergePatch(await deps.points.rules(), body));
        await deps.points.saveRules(merged);
        return { status: 200, body: await deps.points.rules() };
      },
    }),
  ];
}
