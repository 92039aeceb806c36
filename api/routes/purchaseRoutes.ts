import { z } from 'zod';
import type { MemberRecord } from '../../core/members/membersPorts.ts';
import type { MemberReference, PurchaseOutcome, PurchaseRecord } from '../../core/points/pointsPorts.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiResult, type ApiRoute } from '../apiRoute.ts';
import { amountField, cardField, codeField, idParams, phoneField } from '../fields.ts';
import type { ProgramRules } from '../../core/program/programRules.ts';
import { mayRedeemWith } from '../../core/till/mayRedeemWith.ts';
import { withCodeGuessLimit } from '../codeGuessLimit.ts';
import { ApiProblem, codeExpiredDetail } from '../problem.ts';
import { purchaseViewSchema, refundViewSchema, toPurchaseView, toRefundView } from '../purchaseView.ts';

/** Recording a purchase (earn, redeem, discount) and refunding it. */
export function purchaseRoutes(deps: ApiDeps): ApiRoute[] {
  return [recordPurchase(deps), refundPurchase(deps)];
}

const label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .regex(/^[^\p{Cc}]+$/u, 'must contain no control characters');

function purchaseBody(region: string) {
  const member = z
    .strictObject({ card: cardField.optional(), phone: phoneField(region).optional(), code: codeField.optional() })
    .refine((m) => Object.keys(m).length === 1, 'name the member by exactly one of card, phone or code')
    .meta({
      description: 'The member, by exactly one of card, phone or one-time code.',
      oneOf: [{ required: ['card'] }, { required: ['phone'] }, { required: ['code'] }],
    });
  return z.strictObject({
    member,
    amount: amountField,
    receiptId: z
      .string()
      .regex(/^[\x21-\x7e]{1,100}$/, 'must be 1 to 100 visible ASCII characters')
      .meta({
        description:
          'Your receipt id, unique across the whole deployment (prefix it with the shop and till). The same receipt is recorded once.',
        examples: ['shop1-till2-000123'],
      }),
    redeemPoints: z.number().int().min(0).max(1_000_000_000).default(0).meta({
      description: 'Points the member pays with; at most the balance and the configured share of the receipt.',
    }),
    store: label.optional().meta({
      description: 'The store it was made in, as you name it: CSAT is reported per store.',
      examples: ['Centru'],
    }),
    till: label.optional().meta({ description: 'The till it was made at, as you name it.', examples: ['till-2'] }),
  });
}

function recordPurchase(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/purchases',
    operationId: 'recordPurchase',
    tag: 'Purchases',
    access: 'till',
    body: purchaseBody(deps.settings.phoneRegion),
    summary: 'Record a purchase: earn points, redeem points, get the discount to give',
    description:
      'Recorded once per `receiptId`: the same receipt with the same content answers 200 with the first result; with other content, 409. The member is told in their messenger.',
    example: {
      body: { member: { phone: '+37369123456' }, amount: 25_000, receiptId: 'shop1-till2-000123', redeemPoints: 0 },
    },
    responses: {
      201: { description: 'Recorded.', schema: purchaseViewSchema },
      200: {
        description: 'This receipt was recorded before with the same content; the first result.',
        schema: purchaseViewSchema,
      },
    },
    problems: ['member-not-found', 'code-invalid', 'code-expired', 'receipt-conflict', 'redemption-refused'],
    handle: async ({ body, idempotency, client }) => {
      const { member, ...rest } = body;
      const reference: MemberReference = member.card
        ? { cardNumber: member.card }
        : member.phone
          ? { phone: member.phone }
          : { code: member.code! };
      // The answer to the Idempotency-Key commits with the purchase, not in a write of its own after it.
      const reply = idempotency && {
        ...idempotency,
        render: (recorded: Recorded) => ({ status: 201, body: JSON.stringify(recordedView(recorded)) }),
      };
      if (rest.redeemPoints > 0 && !mayRedeemWith(await deps.points.rules(), reference))
        throw new ApiProblem('redemption-refused', redeemNeeds(await deps.points.rules()), {
          reason: 'reference-not-allowed',
          maxRedeemable: 0,
        });
      const record = async () => {
        const value = await deps.points.recordPurchase({
          member: reference,
          ...rest,
          source: 'api',
          recordedBy: credentialOf(client),
          ...(reply && { reply }),
        });
        return { matched: value.kind !== 'code-invalid', value };
      };
      const outcome = 'code' in reference ? await withCodeGuessLimit(deps, client, record) : (await record()).value;
      return answerPurchase(deps, outcome);
    },
  });
}

async function answerPurchase(deps: ApiDeps, outcome: PurchaseOutcome): Promise<ApiResult> {
  switch (outcome.kind) {
    case 'recorded':
      return { status: 201, body: recordedView(outcome), replyKept: outcome.replyKept === true };
    case 'replayed': {
      const balance = (await deps.ledger.balanceAfterPurchase(outcome.purchase)) ?? outcome.member.balance;
      return { status: 200, body: toPurchaseView(outcome.purchase, balance) };
    }
    case 'receipt-conflict':
      throw new ApiProblem(
        'receipt-conflict',
        'This receiptId was recorded with another member, amount or redemption; refund it and record the corrected receipt under a new id.',
      );
    case 'refused':
      throw new ApiProblem('redemption-refused', refusal(outcome.reason, outcome.maxRedeemable), {
        reason: outcome.reason,
        maxRedeemable: outcome.maxRedeemable,
      });
    case 'code-invalid':
      throw new ApiProblem(
        'code-invalid',
        'No one-time code has this value; check it with the customer, or use the card number.',
      );
    case 'code-expired':
      throw new ApiProblem('code-expired', codeExpiredDetail);
    case 'member-not-found':
      throw new ApiProblem(
        'member-not-found',
        'No member matches; check the number, or enrol the customer with POST /api/v1/members.',
      );
    case 'invalid-request':
      // The body schema refuses these first; the engine's own check is a second line.
      throw new ApiProblem('validation', `Fix the request and send it again: ${outcome.detail}.`);
  }
}

type Recorded = { purchase: PurchaseRecord; member: MemberRecord };

function recordedView(recorded: Recorded) {
  return toPurchaseView(recorded.purchase, recorded.member.balance);
}

function redeemNeeds(rules: ProgramRules): string {
  const by = rules.redeemRequires === 'card' ? 'the one-time code or the card number' : 'the one-time code';
  return `Points can be spent only when the member is named by ${by} (the programme's redeemRequires); earning works with any. Nothing was recorded.`;
}

function refusal(reason: 'over-balance' | 'over-share', max: number): string {
  const why =
    reason === 'over-balance' ? 'more points than the member has' : 'more than points may pay of this receipt';
  return `That is ${why}; at most ${max} points can be redeemed here (see maxRedeemable). Nothing was recorded.`;
}

function refundPurchase(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/purchases/{id}/refund',
    operationId: 'refundPurchase',
    tag: 'Purchases',
    access: 'till',
    params: idParams,
    summary: 'Refund a purchase',
    description:
      'Gives back the points the purchase spent and takes back what it earned. Points already spent cannot be taken back: withhold `withholdAmount` from the money refunded. ' +
      'Refunding again changes nothing and answers 200 with the same figures and `alreadyRefunded: true`. ' +
      'A key refunds the purchases it recorded; one recorded by another key or at the Telegram till needs the admin token or a key with the `any-refund` scope.',
    example: { params: { id: '5d0c3a44-8a1e-4f57-b0a3-7f1f4b0f2c11' } },
    responses: { 200: { description: 'Refunded, now or before.', schema: refundViewSchema } },
    problems: ['purchase-not-found', 'refund-forbidden'],
    handle: async ({ params, client }) => {
      const refunder = { credential: credentialOf(client), anyRefund: client.scopes.includes('any-refund') };
      const outcome = await deps.points.refund(params.id, refunder);
      if (outcome.kind === 'not-yours')
        throw new ApiProblem(
          'refund-forbidden',
          'Another till recorded this purchase, and this key refunds only its own; use the admin token or a key with the any-refund scope. Nothing changed.',
        );
      if (outcome.kind === 'not-found')
        throw new ApiProblem(
          'purchase-not-found',
          `There is no purchase ${params.id}; use the purchaseId the purchase answered with.`,
        );
      const body = toRefundView(
        outcome.purchase,
        outcome.member,
        await deps.points.rules(),
        outcome.kind === 'already-refunded',
      );
      return { status: 200, body };
    },
  });
}
