import { z } from 'zod';
import { quotePurchase } from '../../core/points/quotePurchase.ts';
import { defaultProgramRules, programRulesSchema, type ProgramRules } from '../../core/program/programRules.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiClient, type ApiRoute } from '../apiRoute.ts';
import { applyMergePatch } from '../mergePatch.ts';
import { validatedBody, validationProblem } from '../validateRequest.ts';

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
      handle: async ({ body, client }) => {
        const before = await deps.points.rules();
        await deps.points.saveRules(body);
        return { status: 200, body: await audited(deps, client, before) };
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
      handle: async ({ body, client }) => {
        const before = await deps.points.rules();
        const merged = validatedBody(programRulesSchema.strict(), applyMergePatch(before, body));
        await deps.points.saveRules(merged);
        return { status: 200, body: await audited(deps, client, before) };
      },
    }),
    defineRoute({
      ...common,
      path: '/api/v1/program/preview',
      method: 'POST',
      operationId: 'previewProgram',
      body: previewBody,
      summary: 'What a purchase would come to under these rules, before they are saved',
      description:
        'The rules are checked like a PUT body and saved nowhere. The member is taken at the threshold of the named tier, with no points to spend, and the stamp card at `stamps`.',
      example: { body: { rules: defaultProgramRules, amount: 25000, tier: 'silver', stamps: 5 } },
      responses: { 200: { description: 'The purchase, as the till would record it.', schema: previewSchema } },
      problems: [],
      handle: async ({ body }) => ({ status: 200, body: preview(body) }),
    }),
  ];
}

/** The rules as they now stand, with the change written to the audit log. */
async function audited(deps: ApiDeps, client: ApiClient, before: ProgramRules): Promise<ProgramRules> {
  const after = await deps.points.rules();
  await auditChange(deps, client, {
    action: 'program.updated',
    subject: 'program',
    before: changedFields(before, after, before),
    after: changedFields(before, after, after),
  });
  return after;
}

/** Only the rules that changed, so the log reads as what was done. */
function changedFields(before: ProgramRules, after: ProgramRules, from: ProgramRules): Partial<ProgramRules> {
  const keys = (Object.keys(after) as (keyof ProgramRules)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Partial<ProgramRules>;
}

const previewBody = z.strictObject({
  rules: programRulesSchema.strict(),
  amount: z.number().int().min(1).max(100_000_000).meta({ description: 'Receipt total in minor units.' }),
  tier: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: 'The code of one of the rules’ tiers.', examples: ['silver'] }),
  stamps: z.number().int().min(0).max(1000).default(0),
});

const previewSchema = z.object({
  tier: z.string(),
  discountPercent: z.number(),
  discountAmount: z.number(),
  paidAmount: z.number(),
  earnedPoints: z.number(),
  stampsAfter: z.number(),
  freeItem: z.boolean(),
});

function preview(body: z.output<typeof previewBody>) {
  const { rules, amount, stamps } = body;
  const tier = rules.tiers.find((candidate) => candidate.code === body.tier);
  if (!tier)
    throw validationProblem([
      {
        location: 'body',
        pointer: '/tier',
        detail: `is not one of the tiers: ${rules.tiers.map((t) => t.code).join(', ')}`,
      },
    ]);
  const figures = { lifetimeSpend: tier.threshold, lifetimeEarned: tier.threshold };
  const quote = quotePurchase(rules, { amount, balance: 0, stamps, redeemPoints: 0, ...figures });
  if (!quote.ok) throw new Error('a quote without points to spend cannot be refused');
  const { discountPercent, discountAmount, paidAmount, earnedPoints, stampsAfter, freeItem } = quote;
  return { tier: quote.tier, discountPercent, discountAmount, paidAmount, earnedPoints, stampsAfter, freeItem };
}
