import { defaultProgramRules, programRulesSchema } from '../../core/program/programRules.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';

/**
 * The programme rules, changed by marketers without a redeploy. Unknown
 * fields are refused rather than ignored: a misspelt field would otherwise
 * silently fall back to its default.
 */
export function programRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Programme', access: 'admin', path: '/api/v1/program' } as const;
  return [
    defineRoute({
      ...common, method: 'GET', operationId: 'getProgram', summary: 'The programme rules in force',
      responses: { 200: { description: 'The rules, every field filled in.', schema: programRulesSchema } },
      problems: [],
      handle: async () => ({ status: 200, body: await deps.points.rules() }),
    }),
    defineRoute({
      ...common, method: 'PUT', operationId: 'putProgram', body: programRulesSchema.strict(),
      summary: 'Replace the programme rules',
      description: 'Takes effect with the next purchase. Fields left out take their defaults, so send the whole document read with GET and change what you need.',
      example: { body: defaultProgramRules },
      responses: { 200: { description: 'The rules now in force.', schema: programRulesSchema } },
      problems: [],
      handle: async ({ body }) => {
        await deps.points.saveRules(body);
        return { status: 200, body: await deps.points.rules() };
      },
    }),
  ];
}
