import { z } from 'zod';
import type { Campaign, CampaignContent } from '../../core/campaigns/campaign.ts';
import { controlCampaign, type CampaignCommand } from '../../core/campaigns/campaignControl.ts';
import { campaignInputSchema, type CampaignInput } from '../../core/campaigns/campaignSchema.ts';
import { campaignStats } from '../../core/campaigns/campaignStats.ts';
import { fanOutCampaign } from '../../core/campaigns/fanOutCampaign.ts';
import { newHoldoutSeed } from '../../core/campaigns/holdout.ts';
import { messageProblems, problemDetail } from '../../core/campaigns/messageLimits.ts';
import type { ApiDeps } from '../apiDeps.ts';
import type { Channel } from '../../core/inbound.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiClient, type ApiRoute } from '../apiRoute.ts';
import {
  campaignPreviewSchema,
  campaignPreviewView,
  campaignStatsSchema,
  campaignStatsView,
  campaignView,
  campaignViewSchema,
} from '../campaignView.ts';
import { previewCampaign } from '../../core/campaigns/previewCampaign.ts';
import { idParams } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const EXAMPLE_ID = '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';

const example = {
  name: 'December coffee offer',
  segmentId: EXAMPLE_ID,
  category: 'offers',
  messages: {
    ru: '{name}, у вас {balance} баллов: капучино за полцены до воскресенья.',
    ro: '{name}, aveți {balance} puncte: cappuccino la jumătate de preț până duminică.',
    en: '{name}, you have {balance} points: a cappuccino at half price until Sunday.',
  },
  buttons: [
    { label: { ru: 'Мой баланс', ro: 'Soldul meu', en: 'My balance' }, action: { kind: 'menu', action: 'balance' } },
  ],
  sendAt: null,
  holdoutPercent: 10,
} as const;

const previewBody = campaignInputSchema
  .pick({ messages: true, buttons: true, imageUrl: true, category: true })
  .extend({ segmentId: z.string().min(1).max(64).optional() });

const commands: Array<{ command: CampaignCommand; summary: string; description: string }> = [
  {
    command: 'start',
    summary: 'Start a campaign (or schedule it for its sendAt)',
    description:
      'Starting twice is starting once. The segment’s members are fixed as they match now; quiet hours, the frequency cap and the holdout apply.',
  },
  { command: 'pause', summary: 'Pause a sending campaign', description: 'Messages not yet handed to a platform wait.' },
  { command: 'resume', summary: 'Resume a paused campaign', description: 'What waited goes out, outside quiet hours.' },
  { command: 'cancel', summary: 'Cancel a campaign', description: 'Nothing more is sent; what was sent stays sent.' },
];

/** Campaigns: messages to a segment's consenting members, sent exactly once, with a holdout to measure them by. */
export function campaignRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Campaigns', access: 'campaigns' } as const;
  const one = { 200: { description: 'The campaign.', schema: campaignViewSchema } };
  const campaigns = deps.campaigns.campaigns;
  return [
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/campaigns',
      operationId: 'createCampaign',
      body: campaignInputSchema,
      summary: 'Write a campaign (a draft)',
      description:
        'Each language’s text is checked against the channels’ limits with its placeholders at their longest: Telegram 4,096 characters, 1,024 with a picture; Viber 7,000.',
      example: { body: example },
      responses: { 201: { description: 'Saved as a draft.', schema: campaignViewSchema } },
      problems: ['segment-not-found'],
      handle: async ({ body, client }) => {
        const content = await checkedContent(deps, body);
        const campaign = await campaigns.create(content, newHoldoutSeed(), deps.clock());
        await audit(deps, client, 'campaign.created', campaign.id, null, content);
        return { status: 201, body: campaignView(campaign) };
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/campaigns',
      operationId: 'listCampaigns',
      summary: 'Every campaign, newest first',
      responses: {
        200: { description: 'The campaigns.', schema: z.object({ campaigns: z.array(campaignViewSchema) }) },
      },
      problems: [],
      handle: async () => ({ status: 200, body: { campaigns: (await campaigns.list()).map(campaignView) } }),
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/campaigns/preview',
      operationId: 'previewCampaign',
      body: previewBody,
      summary: 'See a message in every language as a member will read it',
      description:
        'The placeholders hold the figures of the segment’s newest member, or an example member’s when there is no segment or it is empty. `problems` lists what would refuse the campaign (a text too long for a channel, an unknown placeholder).',
      example: { body: { segmentId: EXAMPLE_ID, messages: example.messages, buttons: example.buttons } },
      responses: { 200: { description: 'The previews.', schema: campaignPreviewSchema } },
      problems: [],
      handle: async ({ body }) => {
        const reads = { members: deps.segments.members, findMember: (id: string) => deps.members.findMember(id) };
        const preview = await previewCampaign(deps.campaigns, reads, body, deps.clock());
        return { status: 200, body: campaignPreviewView(preview) };
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/campaigns/{id}',
      operationId: 'getCampaign',
      params: idParams,
      summary: 'One campaign',
      example: { params: { id: EXAMPLE_ID } },
      responses: one,
      problems: ['campaign-not-found'],
      handle: async ({ params }) => ({ status: 200, body: campaignView(await found(deps, params.id)) }),
    }),
    defineRoute({
      ...common,
      method: 'PUT',
      path: '/api/v1/campaigns/{id}',
      operationId: 'putCampaign',
      params: idParams,
      body: campaignInputSchema,
      summary: 'Change a draft or a scheduled campaign',
      description: 'Once it started, what members got stays as it was: a change is 409 campaign-not-editable.',
      example: { params: { id: EXAMPLE_ID }, body: example },
      responses: one,
      problems: ['campaign-not-found', 'campaign-not-editable', 'segment-not-found'],
      handle: async ({ params, body, client }) => {
        const before = await found(deps, params.id);
        const content = await checkedContent(deps, body);
        const outcome = await campaigns.update(params.id, content, deps.clock());
        if (outcome === 'not-found') throw notFound(params.id);
        if (outcome === 'not-editable') throw notEditable(before);
        await audit(deps, client, 'campaign.updated', params.id, contentOf(before), content);
        return { status: 200, body: campaignView(outcome) };
      },
    }),
    defineRoute({
      ...common,
      method: 'DELETE',
      path: '/api/v1/campaigns/{id}',
      operationId: 'deleteCampaign',
      params: idParams,
      summary: 'Delete a draft',
      description: 'A campaign that started stays, with its results; cancel it instead.',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'The campaign as it was.', schema: campaignViewSchema } },
      problems: ['campaign-not-found', 'campaign-not-editable'],
      handle: async ({ params, client }) => {
        const campaign = await found(deps, params.id);
        const outcome = await campaigns.remove(params.id);
        if (outcome === 'not-found') throw notFound(params.id);
        if (outcome === 'not-editable') throw notEditable(campaign);
        await audit(deps, client, 'campaign.deleted', campaign.id, contentOf(campaign), null);
        return { status: 200, body: campaignView(campaign) };
      },
    }),
    ...commands.map(({ command, summary, description }) =>
      defineRoute({
        ...common,
        method: 'POST',
        path: `/api/v1/campaigns/{id}/${command}`,
        operationId: `${command}Campaign`,
        params: idParams,
        summary,
        description,
        example: { params: { id: EXAMPLE_ID } },
        responses: { 200: { description: 'The campaign after the command.', schema: campaignViewSchema } },
        problems: [
          'campaign-not-found',
          'campaign-wrong-status',
          ...(command === 'start' ? (['segment-not-found'] as const) : []),
        ],
        handle: async ({ params, client }) => {
          const now = deps.clock();
          const outcome = await controlCampaign(deps.campaigns, params.id, command, now);
          if (outcome === 'not-found') throw notFound(params.id);
          if (outcome === 'segment-not-found')
            throw new ApiProblem('segment-not-found', 'The campaign’s segment was deleted; choose another segment.');
          if (outcome === 'wrong-status') throw wrongStatus(await found(deps, params.id), command);
          await audit(deps, client, `campaign.${command}`, outcome.id, null, { status: outcome.status });
          if (outcome.status === 'sending') kickFanOut(deps, outcome.id, now);
          return { status: 200, body: campaignView(outcome) };
        },
      }),
    ),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/campaigns/{id}/stats',
      operationId: 'getCampaignStats',
      params: idParams,
      summary: 'Where a campaign stands, and whether it worked',
      description:
        '`segment` = notOptedIn + heldOut + capped + muted + queued + sent + failed + unreachable + cancelled. Purchases are counted from the start for `resultDays`, recipients against the holdout group.',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'The figures.', schema: campaignStatsSchema } },
      problems: ['campaign-not-found'],
      handle: async ({ params }) => {
        const stats = await campaignStats(deps.campaigns, params.id);
        if (!stats) throw notFound(params.id);
        return { status: 200, body: campaignStatsView(stats) };
      },
    }),
  ];
}

/**
 * The fan-out starts at once rather than at the scheduler's next tick; the
 * scheduled job takes over whatever this one does not finish (a restart).
 */
function kickFanOut(deps: ApiDeps, id: string, now: Date): void {
  fanOutCampaign(deps.campaigns, id, now).catch((error: unknown) =>
    deps.log.error({ err: error, campaignId: id }, 'campaigns: the fan-out stopped; the scheduled job resumes it'),
  );
}

/** What the schema cannot check alone: the segment (else 404) and the quizzes exist, and every text fits its channels. */
async function checkedContent(deps: ApiDeps, input: CampaignInput): Promise<CampaignContent> {
  const errors: FieldError[] = [];
  const segment = await deps.segments.store.find(input.segmentId);
  if (!segment)
    throw new ApiProblem(
      'segment-not-found',
      `There is no segment ${input.segmentId} (body /segmentId); GET /api/v1/segments lists them.`,
    );
  for (const [index, button] of input.buttons.entries())
    if (button.action.kind === 'quiz' && !(await deps.quizzes.find(button.action.quizId)))
      errors.push({ location: 'body', pointer: `/buttons/${index}/action/quizId`, detail: 'no quiz has this id' });
  errors.push(...messageErrors(input.messages, input.imageUrl !== null, segment.filters.channels));
  if (errors.length > 0)
    throw new ApiProblem('validation', errors.map((error) => `${error.pointer} ${error.detail}`).join('; '), {
      errors,
    });
  return { ...input, sendAt: input.sendAt ? new Date(input.sendAt) : null };
}

type FieldError = { location: 'body'; pointer: string; detail: string };

function messageErrors(
  messages: CampaignInput['messages'],
  withImage: boolean,
  channels: readonly Channel[] | undefined,
): FieldError[] {
  return messageProblems(messages, withImage, channels).map((problem) => ({
    location: 'body',
    pointer: `/messages/${problem.locale}`,
    detail: problemDetail(problem),
  }));
}

/** Refuses texts that would not go out whole on every channel (an automatic message reaches them all). */
export function checkedMessages(
  messages: CampaignInput['messages'],
  withImage: boolean,
  channels: readonly Channel[] | undefined,
): void {
  const errors = messageErrors(messages, withImage, channels);
  if (errors.length > 0)
    throw new ApiProblem('validation', errors.map((error) => `${error.pointer} ${error.detail}`).join('; '), {
      errors,
    });
}

async function found(deps: ApiDeps, id: string): Promise<Campaign> {
  const campaign = await deps.campaigns.campaigns.find(id);
  if (!campaign) throw notFound(id);
  return campaign;
}

function notFound(id: string): ApiProblem {
  return new ApiProblem('campaign-not-found', `There is no campaign ${id}; GET /api/v1/campaigns lists them.`);
}

function notEditable(campaign: Campaign): ApiProblem {
  return new ApiProblem(
    'campaign-not-editable',
    `The campaign is ${campaign.status}: only a draft or a scheduled campaign changes. Write a new one instead.`,
  );
}

function wrongStatus(campaign: Campaign, command: CampaignCommand): ApiProblem {
  return new ApiProblem('campaign-wrong-status', `A ${campaign.status} campaign cannot be told to ${command}.`);
}

const contentOf = (campaign: Campaign) => ({
  name: campaign.name,
  segmentId: campaign.segmentId,
  category: campaign.category,
  messages: campaign.messages,
  buttons: campaign.buttons,
  imageUrl: campaign.imageUrl,
  sendAt: campaign.sendAt,
  holdoutPercent: campaign.holdoutPercent,
  resultDays: campaign.resultDays,
});

function audit(deps: ApiDeps, client: ApiClient, action: string, id: string, before: unknown, after: unknown) {
  return auditChange(deps, client, { action, subject: `campaign:${id}`, before, after });
}
