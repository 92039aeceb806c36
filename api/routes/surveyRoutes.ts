import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiRoute } from '../apiRoute.ts';
import { afterQuietHours } from '../../core/program/quietHours.ts';
import { segmentQuery } from '../../core/segments/segmentQuery.ts';
import type { SurveyAudience } from '../../core/surveys/surveysPorts.ts';
import { ApiProblem } from '../problem.ts';

const outcomeSchema = z.object({
  scheduled: z
    .number()
    .int()
    .meta({ description: 'Members who will be asked, at the next moment outside the quiet hours.' }),
  muted: z.number().int().meta({
    description: 'Members who switched surveys off: their question is written as `muted` and never sent.',
  }),
  skipped: z.object({
    throttled: z
      .number()
      .int()
      .meta({ description: 'Asked this kind within `nps.minDaysBetween` (CSAT: `csat.minDaysBetween`) days.' }),
    noChat: z.number().int().meta({ description: 'No chat we may write to (enrolled at the till, or unreachable).' }),
    alreadyScheduled: z.number().int().meta({ description: 'A question of this kind already waits to be asked.' }),
    unknownMember: z
      .number()
      .int()
      .meta({ description: 'No member has this id or card number (or their data was erased).' }),
  }),
});

const MAX_NAMED = 1000;
const cardNumber = z
  .string()
  .transform((value) => value.replaceAll(' ', ''))
  .pipe(z.string().regex(/^\d{12}$/, 'must be the 12 digits of a card'));

const surveyBody = z
  .strictObject({
    kind: z.enum(['nps', 'csat']).meta({
      description: '`nps`: "How likely are you to recommend …", 0–10; `csat`: "How satisfied are you with …", 1–5.',
    }),
    memberIds: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(MAX_NAMED)
      .optional()
      .meta({
        description: `The members to ask by id; with \`cardNumbers\`, at most ${MAX_NAMED} in all. Or give \`segment\`.`,
      }),
    cardNumbers: z
      .array(cardNumber)
      .min(1)
      .max(MAX_NAMED)
      .optional()
      .meta({
        description: 'The members to ask by card number (12 digits, spaces allowed).',
        examples: [['1000 0000 0008']],
      }),
    segment: z.literal('all').optional().meta({ description: '`all`: every member with a chat.' }),
    segmentId: z.string().min(1).max(64).optional().meta({
      description: 'A saved segment (`/api/v1/segments`): its members as they match now.',
    }),
  })
  .refine(
    (survey) =>
      [survey.segment, survey.segmentId, survey.memberIds ?? survey.cardNumbers].filter((given) => given !== undefined)
        .length === 1,
    { message: 'give one of segment, segmentId or members (memberIds, cardNumbers)' },
  )
  .refine((survey) => (survey.memberIds?.length ?? 0) + (survey.cardNumbers?.length ?? 0) <= MAX_NAMED, {
    message: `name at most ${MAX_NAMED} members in all`,
    path: ['memberIds'],
  })
  .meta({
    oneOf: [
      { required: ['segment'] },
      { required: ['segmentId'] },
      { anyOf: [{ required: ['memberIds'] }, { required: ['cardNumbers'] }] },
    ],
  });

/** Relationship surveys: a marketer asks NPS or CSAT of a segment, the throttle respected. */
export function surveyRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/surveys',
      operationId: 'sendSurvey',
      tag: 'Surveys',
      access: 'surveys',
      body: surveyBody,
      summary: 'Send an NPS or CSAT survey to members or to everyone',
      description:
        'Schedules one question per member, asked by the scheduler at the next moment outside the quiet hours. A member asked the same kind within its `minDaysBetween` days, or without a chat, is skipped and counted by reason; one who switched surveys off is counted as muted (the question is written as `muted`, never sent). Recorded in the audit log.',
      example: { body: { kind: 'nps', segment: 'all' } },
      responses: {
        202: {
          description: 'Scheduled; how many will be asked, how many muted, and who not and why.',
          schema: outcomeSchema,
        },
      },
      problems: [],
      handle: async ({ body, client }) => {
        const rules = await deps.points.rules();
        const now = deps.clock();
        const outcome = await deps.surveys.sending.sendRelationshipSurvey({
          kind: body.kind,
          audience: await audienceOf(deps, body, now),
          at: now,
          dueAt: afterQuietHours(now, deps.settings.timezone, rules.quietHours),
          minDaysBetween: body.kind === 'nps' ? rules.nps.minDaysBetween : rules.csat.minDaysBetween,
          sentBy: credentialOf(client),
        });
        deps.log.info({ kind: body.kind, scheduled: outcome.scheduled }, 'surveys: relationship survey sent');
        return { status: 202, body: outcome };
      },
    }),
  ];
}

/** Every member, a saved segment's members as they match now, or the members named. */
async function audienceOf(
  deps: ApiDeps,
  body: { segment?: 'all'; segmentId?: string; memberIds?: string[]; cardNumbers?: string[] },
  now: Date,
): Promise<SurveyAudience> {
  if (body.segment === 'all') return 'all';
  if (body.segmentId === undefined) return { memberIds: body.memberIds ?? [], cardNumbers: body.cardNumbers ?? [] };
  const segment = await deps.segments.store.find(body.segmentId);
  if (!segment)
    throw new ApiProblem('validation', `There is no segment ${body.segmentId}; GET /api/v1/segments lists them.`, {
      errors: [{ location: 'body', pointer: '/segmentId', detail: 'names no saved segment' }],
    });
  return { segment: segmentQuery(segment.filters, now, deps.settings.timezone) };
}
