import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiRoute } from '../apiRoute.ts';
import { afterQuietHours } from '../../core/surveys/quietHours.ts';

const outcomeSchema = z.object({
  scheduled: z
    .number()
    .int()
    .meta({ description: 'Members who will be asked, at the next moment outside the quiet hours.' }),
  skipped: z.object({
    throttled: z.number().int().meta({ description: 'Asked NPS within `nps.minDaysBetween` days.' }),
    noChat: z.number().int().meta({ description: 'No chat we may write to (enrolled at the till, or unreachable).' }),
    alreadyScheduled: z.number().int().meta({ description: 'An NPS question already waits to be asked.' }),
    unknownMember: z.number().int().meta({ description: 'No member has this id (or their data was erased).' }),
  }),
});

/** Relationship surveys: a marketer asks NPS of a segment, the throttle respected. */
export function surveyRoutes(deps: ApiDeps): ApiRoute[] {
  const body = z
    .strictObject({
      kind: z.literal('nps').meta({ description: 'The survey to send; only `nps` is sent to a segment.' }),
      memberIds: z.array(z.string().min(1).max(64)).min(1).max(1000).optional().meta({
        description: 'The members to ask, at most 1000; or give `segment`.',
      }),
      segment: z.literal('all').optional().meta({ description: '`all`: every member with a chat.' }),
    })
    .refine((survey) => (survey.memberIds === undefined) !== (survey.segment === undefined), {
      message: 'give exactly one of memberIds or segment',
    })
    .meta({ oneOf: [{ required: ['memberIds'] }, { required: ['segment'] }] });
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/surveys',
      operationId: 'sendSurvey',
      tag: 'Surveys',
      access: 'surveys',
      body,
      summary: 'Send an NPS survey to members or to everyone',
      description:
        'Schedules one NPS question per member, asked by the scheduler at the next moment outside the quiet hours. A member asked within `nps.minDaysBetween` days, or without a chat, is skipped and counted by reason. Recorded in the audit log.',
      example: { body: { kind: 'nps', segment: 'all' } },
      responses: {
        202: { description: 'Scheduled; how many will be asked, and who not and why.', schema: outcomeSchema },
      },
      problems: [],
      handle: async ({ body, client }) => {
        const rules = await deps.points.rules();
        const now = deps.clock();
        const outcome = await deps.surveys.sending.sendRelationshipSurvey({
          memberIds: body.segment === 'all' ? 'all' : body.memberIds!,
          at: now,
          dueAt: afterQuietHours(now, deps.settings.timezone, rules.quietHours),
          minDaysBetween: rules.nps.minDaysBetween,
          sentBy: credentialOf(client),
        });
        deps.log.info({ scheduled: outcome.scheduled }, 'surveys: relationship survey sent');
        return { status: 202, body: outcome };
      },
    }),
  ];
}
