import { z } from 'zod';
import { formatPrizeCode, normalizePrizeCode } from '../../core/contests/prizeCode.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiClient, type ApiResult, type ApiRoute } from '../apiRoute.ts';
import { ApiProblem } from '../problem.ts';

const codeParams = z.strictObject({
  code: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: 'The prize code as the winner shows it (`PRZ-ABCDE-FGHJK`); case and dashes do not matter.' }),
});

const redeemedSchema = z.object({
  code: z.string().meta({ description: 'The code, formatted.' }),
  memberId: z.string(),
  prize: z.record(z.string(), z.string()).meta({ description: 'The prize’s name per language.' }),
  redeemedAt: z.iso.datetime(),
});

/** Prize codes won in draws and contests, redeemed once at the till or by a POS system. */
export function prizeCodeRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    defineRoute({
      tag: 'Prize draws',
      access: 'till',
      method: 'POST',
      path: '/api/v1/prize-codes/{code}/redeem',
      operationId: 'redeemPrizeCode',
      params: codeParams,
      summary: 'Hand over a prize: redeem its code once',
      description:
        'One conditional update: of two tills redeeming the same code at once, one gets 200 and the other 409 prize-code-redeemed with when it was.',
      example: { params: { code: 'PRZ-ABCDE-FGHJK' } },
      responses: { 200: { description: 'Redeemed now: hand the prize over.', schema: redeemedSchema } },
      problems: ['prize-code-not-found', 'prize-code-redeemed', 'prize-code-lapsed'],
      handle: ({ params, client }) => redeem(deps, params.code, client),
    }),
  ];
}

async function redeem(deps: ApiDeps, typed: string, client: ApiClient): Promise<ApiResult> {
  const code = normalizePrizeCode(typed);
  const outcome = await deps.prizes.redeem(code, credentialOf(client), deps.clock());
  if (outcome.kind === 'not-found')
    throw new ApiProblem('prize-code-not-found', 'No prize has this code; check it against the winner’s card screen.');
  if (outcome.kind === 'lapsed')
    throw new ApiProblem(
      'prize-code-lapsed',
      `This prize code was not redeemed within the draw’s claim period and is void since ${outcome.lapsedAt.toISOString()}; the prize went to the next entry.`,
    );
  if (outcome.kind === 'already-redeemed')
    throw new ApiProblem(
      'prize-code-redeemed',
      `This prize was handed over already, at ${outcome.redeemedAt.toISOString()}; do not give it again.`,
    );
  const prize = Object.fromEntries(Object.entries(outcome.name).filter(([, text]) => text !== undefined));
  const body = {
    code: formatPrizeCode(code),
    memberId: outcome.memberId,
    prize,
    redeemedAt: outcome.redeemedAt.toISOString(),
  };
  return { status: 200, body };
}
