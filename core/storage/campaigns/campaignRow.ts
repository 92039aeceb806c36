import type { Campaign, CampaignContent, CampaignStatus } from '../../campaigns/campaign.ts';
import type { CampaignCategory } from '../../campaigns/campaignCategories.ts';
import { storedButtonsSchema, storedMessagesSchema } from '../../campaigns/campaignSchema.ts';
import { parseStoredJson } from '../../parseStoredJson.ts';
import { isAutomationKind } from '../../campaigns/automations.ts';
import type { Campaign as CampaignRow } from '../generated/sqlite/client.ts';

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    segmentId: row.segmentId,
    category: row.category as CampaignCategory,
    // A text this version cannot read sends nothing rather than something wrong.
    messages: parseStoredJson(storedMessagesSchema, row.messages) ?? {},
    buttons: parseStoredJson(storedButtonsSchema, row.buttons) ?? [],
    imageUrl: row.imageUrl,
    sendAt: row.sendAt,
    holdoutPercent: row.holdoutPercent,
    resultDays: row.resultDays,
    status: row.status as CampaignStatus,
    trigger: isAutomationKind(row.trigger) ? row.trigger : null,
    triggerDays: row.triggerDays,
    holdoutSeed: row.holdoutSeed,
    startedAt: row.startedAt,
    enrolledAt: row.enrolledAt,
    fannedOutAt: row.fannedOutAt,
    endedAt: row.endedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function contentColumns(content: CampaignContent) {
  return {
    name: content.name,
    segmentId: content.segmentId,
    category: content.category,
    messages: JSON.stringify(content.messages),
    buttons: JSON.stringify(content.buttons),
    imageUrl: content.imageUrl,
    sendAt: content.sendAt,
    holdoutPercent: content.holdoutPercent,
    resultDays: content.resultDays,
  };
}
