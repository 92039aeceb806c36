import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiRoute } from '../apiRoute.ts';
import { idParams, timestamp } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const EXAMPLE_ID = '0b5f4c7e-2f0a-4d63-9a55-2f4f6c1d9e01';
const records = z.array(z.record(z.string(), z.unknown()));

const exportSchema = z.object({
  exportedAt: timestamp,
  member: z
    .record(z.string(), z.unknown())
    .meta({ description: 'Name, phone, birthday, card, language, balance, lifetime figures, tier, when they joined.' }),
  consent: z.object({ at: timestamp, version: z.string() }),
  chats: records.meta({ description: 'Each linked messenger chat: channel, address, language, when linked.' }),
  notificationMutes: z.array(z.object({ topic: z.string(), since: timestamp })),
  ledger: records.meta({ description: 'Every points movement, oldest first.' }),
  purchases: records.meta({ description: 'Every purchase, with its refund.' }),
  tickets: records.meta({ description: 'Every request to staff, with its messages.' }),
  referral: z.object({
    code: z.string().nullable(),
    referredById: z.string().nullable(),
    invitedMembers: z.number().int(),
  }),
  surveyAnswers: z
    .array(
      z.object({
        kind: z.string().meta({ description: '`nps` (0–10) or `csat` (1–5).' }),
        touchpoint: z.string().meta({ description: 'What it followed: `purchase`, `desk` or `relationship`.' }),
        store: z.string().nullable(),
        score: z.number().int(),
        comment: z.string().nullable(),
        answeredAt: timestamp,
      }),
    )
    .meta({ description: 'Every NPS and CSAT answer the member gave, oldest first.' }),
  quizAttempts: z
    .array(
      z.object({
        quizTitle: z.string(),
        score: z.number().int().meta({ description: 'Questions answered correctly.' }),
        questions: z.number().int().meta({ description: 'Questions the quiz had.' }),
        points: z.number().int().meta({ description: 'Points the attempt earned.' }),
        startedAt: timestamp,
        completedAt: timestamp.nullable(),
      }),
    )
    .meta({ description: 'Every quiz the member played, oldest first.' }),
});

const eraseBody = z.strictObject({
  confirmCardNumber: z
    .string()
    .transform((value) => value.replaceAll(' ', ''))
    .pipe(z.string().regex(/^\d{12}$/, 'must be the 12 digits of the member’s card'))
    .meta({
      description: "The member's card number, typed again to confirm; spaces allowed.",
      examples: ['1000 0000 0008'],
    }),
});

const erasedSchema = z.object({
  memberId: z.string(),
  erasedAt: timestamp,
  forfeitedPoints: z.number().int().meta({ description: 'Unspent points that left with the person.' }),
});

/** The person's rights over their data: a copy of everything, and erasure. */
export function privacyRoutes(deps: ApiDeps): ApiRoute[] {
  return [exportRoute(deps), eraseRoute(deps)];
}

function exportRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/members/{id}/export',
    operationId: 'exportMemberData',
    tag: 'Personal data',
    access: 'privacy',
    params: idParams,
    summary: 'Everything held about a member, as a JSON download',
    description:
      'Member, consent, chats, notification settings, ledger, purchases, tickets with their messages, referral, survey answers, quiz attempts. Sent with `Content-Disposition: attachment`.',
    example: { params: { id: EXAMPLE_ID } },
    responses: { 200: { description: 'The data, as a file to keep.', schema: exportSchema } },
    problems: ['member-not-found', 'member-erased'],
    handle: async ({ params }) => {
      const data = await deps.privacy.exportMember(params.id);
      if (!data) throw new ApiProblem('member-not-found', `There is no member ${params.id}.`);
      if (data.erasedAt) throw erased(params.id, data.erasedAt);
      return {
        status: 200,
        // erasedAt is null here, so it says nothing; JSON leaves an undefined member out.
        body: { exportedAt: deps.clock().toISOString(), ...data, erasedAt: undefined },
        headers: { 'content-disposition': `attachment; filename="member-${params.id}.json"` },
      };
    },
  });
}

function eraseRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/members/{id}/erase',
    operationId: 'eraseMemberData',
    tag: 'Personal data',
    access: 'privacy',
    params: idParams,
    body: eraseBody,
    summary: "Erase a member's personal data; cannot be undone",
    description:
      'Name, phone, birthday and chats are removed, ticket texts emptied, the card number retired for good; ledger and purchases stay as anonymous records, unspent points are forfeited. ' +
      'A person who writes again is a stranger and may join anew, without a second welcome bonus for the same phone within 12 months. Audited.',
    example: { params: { id: EXAMPLE_ID }, body: { confirmCardNumber: '1000 0000 0008' } },
    responses: { 200: { description: 'Erased.', schema: erasedSchema } },
    problems: ['member-not-found', 'member-erased', 'confirmation-mismatch'],
    handle: async ({ params, body, client }) => {
      const at = deps.clock();
      const outcome = await deps.privacy.erase({
        memberId: params.id,
        confirmCardNumber: body.confirmCardNumber,
        actor: credentialOf(client),
        at,
      });
      switch (outcome.kind) {
        case 'erased':
          return {
            status: 200,
            body: { memberId: params.id, erasedAt: at.toISOString(), forfeitedPoints: outcome.forfeitedPoints },
          };
        case 'member-not-found':
          throw new ApiProblem('member-not-found', `There is no member ${params.id}.`);
        case 'member-erased':
          throw new ApiProblem('member-erased', `The personal data of member ${params.id} was erased already.`);
        case 'confirmation-mismatch':
          throw new ApiProblem(
            'confirmation-mismatch',
            "The card number typed does not match this member's card; nothing was erased. Type the number on their card.",
          );
      }
    },
  });
}

function erased(id: string, at: Date): ApiProblem {
  return new ApiProblem(
    'member-erased',
    `The personal data of member ${id} was erased on ${at.toISOString()}; only anonymous ledger and purchase records remain.`,
  );
}
