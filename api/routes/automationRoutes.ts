import { z } from 'zod';
import { automationKinds, WIN_BACK_DAYS, type AutomationKind } from '../../core/campaigns/automations.ts';
import type { Campaign } from '../../core/campaigns/campaign.ts';
import { campaignInputSchema } from '../../core/campaigns/campaignSchema.ts';
import { campaignStats } from '../../core/campaigns/campaignStats.ts';
import { newHoldoutSeed } from '../../core/campaigns/holdout.ts';
import { locales } from '../../core/i18n/locale.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { campaignStatsSchema, campaignStatsView } from '../campaignView.ts';
import { ApiProblem } from '../problem.ts';
import { checkedMessages } from './campaignRoutes.ts';

const kindParams = z.strictObject({
  kind: z.enum(automationKinds).meta({ description: 'Which automatic message.', example: 'welcome-0' }),
});

const automationBody = campaignInputSchema
  .pick({ category: true, messages: true, buttons: true, imageUrl: true, holdoutPercent: true, resultDays: true })
  .extend({
    enabled: z
      .boolean()
      .meta({ description: 'On: it runs by itself; off: nothing more is sent, waiting messages are held.' }),
    holdoutPercent: z.number().int().min(0).max(50).default(0),
    days: z
      .number()
      .int()
      .min(7)
      .max(365)
      .optional()
      .meta({
        description: `Win-back only: days without a purchase, and the least days between two of its messages (default ${WIN_BACK_DAYS}).`,
      }),
  });

const automationView = z.object({
  kind: z.enum(automationKinds),
  enabled: z.boolean(),
  /** False until it was first saved: then it is off, with no text. */
  saved: z.boolean(),
  id: z.string().nullable(),
  category: z.string().nullable(),
  messages: z.partialRecord(z.enum(locales), z.string()),
  buttons: campaignInputSchema.shape.buttons.unwrap(),
  imageUrl: z.string().nullable(),
  holdoutPercent: z.number().int(),
  resultDays: z.number().int(),
  days: z.number().int().nullable(),
});

const builtInView = z.object({
  kind: z.enum(['birthday', 'expiry']),
  /** Its text in each language, `{name}` and the figures shown as placeholders. */
  texts: z.partialRecord(z.enum(locales), z.string()),
  /** Where it is set up: the programme's rules. */
  rule: z.string(),
});

const example = {
  enabled: true,
  category: 'news',
  messages: { en: 'Welcome, {name}! Your first coffee earns double points this week.' },
  buttons: [],
};

/** Automatic messages: the welcome series, win-back and anniversaries, beside the built-in birthday and expiry messages. */
export function automationRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Campaigns', access: 'campaigns' } as const;
  const store = deps.campaigns.campaigns;
  const byKind = async () => new Map((await store.automations()).map((one) => [one.trigger, one]));
  return [
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/automations',
      operationId: 'listAutomations',
      summary: 'Every automatic message, on or off, in one list',
      description:
        'The welcome series (day 0, 3 and 7), win-back and the anniversary, then the built-in birthday greeting and expiry reminder.',
      responses: {
        200: {
          description: 'The automatic messages.',
          schema: z.object({ automations: z.array(automationView), builtIn: z.array(builtInView) }),
        },
      },
      problems: [],
      handle: async () => {
        const saved = await byKind();
        const rules = await deps.points.rules();
        return {
          status: 200,
          body: {
            automations: automationKinds.map((kind) => viewOf(kind, saved.get(kind))),
            builtIn: builtIns(deps, rules.birthdayBonus, rules.expiryReminderDays),
          },
        };
      },
    }),
    defineRoute({
      ...common,
      method: 'PUT',
      path: '/api/v1/automations/{kind}',
      operationId: 'putAutomation',
      params: kindParams,
      body: automationBody,
      summary: 'Write an automatic message and switch it on or off',
      description:
        'Consent, categories, the frequency cap, quiet hours and the holdout apply as to any campaign. Switching off holds what waits; switching on sends it.',
      example: { params: { kind: 'welcome-0' }, body: example },
      responses: { 200: { description: 'The automatic message.', schema: automationView } },
      problems: [],
      handle: async ({ params, body, client }) => {
        checkedMessages(body.messages, body.imageUrl !== null, undefined);
        const { enabled, days, ...content } = body;
        const before = (await byKind()).get(params.kind);
        const saved = await store.saveAutomation(
          params.kind,
          { ...content, name: params.kind, segmentId: null, sendAt: null },
          enabled,
          params.kind === 'win-back' ? (days ?? WIN_BACK_DAYS) : null,
          newHoldoutSeed(),
          deps.clock(),
        );
        await auditChange(deps, client, {
          action: 'automation.saved',
          subject: `automation:${params.kind}`,
          before: before ? viewOf(params.kind, before) : null,
          after: viewOf(params.kind, saved),
        });
        return { status: 200, body: viewOf(params.kind, saved) };
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/automations/{kind}/stats',
      operationId: 'getAutomationStats',
      params: kindParams,
      summary: 'What an automatic message has sent, and whether it worked',
      description:
        'The same figures as a campaign’s, over every time it ran; only members who agreed to news and offers are counted.',
      example: { params: { kind: 'welcome-0' } },
      responses: { 200: { description: 'The figures.', schema: campaignStatsSchema } },
      problems: ['automation-not-found'],
      handle: async ({ params }) => {
        const saved = (await byKind()).get(params.kind);
        const stats = saved && (await campaignStats(deps.campaigns, saved.id));
        if (!stats)
          throw new ApiProblem('automation-not-found', `The ${params.kind} message was never saved; PUT it first.`);
        return { status: 200, body: campaignStatsView(stats) };
      },
    }),
  ];
}

function viewOf(kind: AutomationKind, campaign: Campaign | undefined): z.input<typeof automationView> {
  return {
    kind,
    enabled: campaign?.status === 'sending',
    saved: campaign !== undefined,
    id: campaign?.id ?? null,
    category: campaign?.category ?? null,
    messages: campaign?.messages ?? {},
    buttons: campaign?.buttons ?? [],
    imageUrl: campaign?.imageUrl ?? null,
    holdoutPercent: campaign?.holdoutPercent ?? 0,
    resultDays: campaign?.resultDays ?? 7,
    days: campaign?.triggerDays ?? (kind === 'win-back' ? WIN_BACK_DAYS : null),
  };
}

/** The birthday greeting and the expiry reminder as members read them, with their figures as placeholders. */
function builtIns(deps: ApiDeps, birthdayBonus: number, reminderDays: number): z.input<typeof builtInView>[] {
  const texts = (render: (t: (key: string, vars?: Record<string, unknown>) => string) => string) =>
    Object.fromEntries(locales.map((locale) => [locale, render(deps.campaigns.translator.forLocale(locale))]));
  return [
    {
      kind: 'birthday',
      texts: texts((t) =>
        [
          t('birthday.greeting', { name: '{name}' }),
          birthdayBonus > 0 && t('birthday.gift', { points: t('points', { count: birthdayBonus }) }),
        ]
          .filter(Boolean)
          .join('\n'),
      ),
      rule: `birthdayBonus = ${birthdayBonus}`,
    },
    {
      kind: 'expiry',
      texts: texts((t) => t('reminder.expiring', { count: 2, points: '{points}', date: '{date}' })),
      rule: `expiryReminderDays = ${reminderDays}`,
    },
  ];
}
