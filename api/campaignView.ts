import { z } from 'zod';
import { automationKinds } from '../core/campaigns/automations.ts';
import type { Campaign } from '../core/campaigns/campaign.ts';
import { campaignInputSchema } from '../core/campaigns/campaignSchema.ts';
import type { CampaignStats } from '../core/campaigns/campaignStats.ts';
import type { CampaignPreview } from '../core/campaigns/previewCampaign.ts';
import { locales } from '../core/i18n/locale.ts';
import { problemDetail } from '../core/campaigns/messageLimits.ts';

const statuses = ['draft', 'scheduled', 'sending', 'paused', 'cancelled', 'done'] as const;
const instant = z.iso.datetime();

export const campaignViewSchema = campaignInputSchema.extend({
  id: z.string(),
  segmentId: z.string().nullable().meta({ description: 'The segment; null for an automatic message.' }),
  trigger: z.enum(automationKinds).nullable().meta({
    description: 'What sends an automatic message (`GET /api/v1/automations`); null for a campaign to a segment.',
  }),
  status: z.enum(statuses).meta({
    description:
      '`draft` until started; `scheduled` waits for `sendAt`; `sending`; `paused`; `done` once every message was handed over; `cancelled`.',
  }),
  sendAt: instant.nullable(),
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const count = (description: string) => z.number().int().min(0).meta({ description });
const group = z.object({ recipients: z.number().int(), holdout: z.number().int() });

export const campaignStatsSchema = z.object({
  status: z.enum(statuses),
  audienceFixed: z
    .boolean()
    .meta({ description: 'True once every member of the segment was enrolled; until then `segment` grows.' }),
  segment: count('Members of the segment when the campaign started: the sum of every count below but the receipts.'),
  notOptedIn: count('Did not agree to news and offers.'),
  heldOut: count('Drawn into the holdout group: got nothing, the baseline of the results.'),
  capped: count('Had had their share of campaign messages within the cap’s days; not sent later.'),
  muted: count('Switched this campaign’s category off.'),
  queued: count('Waiting to be sent, quiet hours and pauses included, or not reached by the fan-out yet.'),
  sent: count('Handed to the platform.'),
  delivered: count('Of the sent, reported delivered by the platform (Viber).'),
  seen: count('Of the sent, reported seen by the platform (Viber).'),
  failed: count('Refused by the platform.'),
  unreachable: count('No chat we may write to, or the bot was blocked.'),
  cancelled: count('Not sent because the campaign was cancelled.'),
  buttonPresses: count('Members who pressed one of the message’s buttons.'),
  window: z
    .object({ from: instant, until: instant })
    .nullable()
    .meta({ description: 'The days purchases are counted in.' }),
  purchases: z.object({
    recipients: count('Recipients who bought within the window.'),
    holdout: count('Holdout members who bought within the window.'),
    recipientRate: z.number().nullable(),
    holdoutRate: z.number().nullable(),
    lift: z.number().nullable().meta({ description: 'Recipients’ purchase rate minus the holdout’s.' }),
    ci95: z
      .tuple([z.number(), z.number()])
      .nullable()
      .meta({ description: 'The 95% confidence interval of the lift (two-proportion z-test, unpooled).' }),
    spend: group.meta({ description: 'Spent within the window, minor units.' }),
    pointsRedeemed: group,
  }),
});

export const campaignPreviewSchema = z.object({
  member: z.object({
    name: z.string(),
    balance: z.number().int(),
    tier: z.string().nullable(),
    example: z.boolean().meta({ description: 'True when no member of the segment could be shown.' }),
  }),
  previews: z.array(
    z.object({
      locale: z.enum(locales),
      text: z.string(),
      buttons: z.array(z.string()).meta({ description: 'The labels, the Stop button last.' }),
      imageUrl: z.string().nullable(),
    }),
  ),
  problems: z.array(
    z.object({
      pointer: z.string().meta({ description: 'The field at fault, `/messages/ru`.' }),
      detail: z.string(),
      reason: z.enum(['too-long', 'unknown-placeholder']),
      locale: z.enum(locales),
      channel: z.enum(['telegram', 'viber']).optional(),
      limit: z.number().int().optional(),
      length: z.number().int().optional().meta({ description: 'With the placeholders at their longest.' }),
      placeholder: z.string().optional(),
    }),
  ),
});

export function campaignPreviewView(preview: CampaignPreview): z.input<typeof campaignPreviewSchema> {
  return {
    member: preview.member,
    previews: preview.previews,
    problems: preview.problems.map((problem) => ({
      ...problem,
      pointer: `/messages/${problem.locale}`,
      detail: problemDetail(problem),
    })),
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function campaignView(campaign: Campaign): z.input<typeof campaignViewSchema> {
  return {
    id: campaign.id,
    name: campaign.name,
    segmentId: campaign.segmentId,
    trigger: campaign.trigger,
    category: campaign.category,
    messages: campaign.messages,
    buttons: campaign.buttons,
    imageUrl: campaign.imageUrl,
    sendAt: iso(campaign.sendAt),
    holdoutPercent: campaign.holdoutPercent,
    resultDays: campaign.resultDays,
    status: campaign.status,
    startedAt: iso(campaign.startedAt),
    endedAt: iso(campaign.endedAt),
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

export function campaignStatsView(stats: CampaignStats): z.input<typeof campaignStatsSchema> {
  return {
    ...stats,
    window: stats.window && { from: stats.window.from.toISOString(), until: stats.window.until.toISOString() },
  };
}
