import type { CampaignDeps } from '../core/campaigns/campaignDeps.ts';
import type { Translator } from '../core/i18n/translator.ts';
import type { Logger } from '../core/logger.ts';
import type { ProgramRules } from '../core/program/programRules.ts';
import type { ProgramSettings } from '../core/settings/programSettings.ts';
import { createCampaignStatsReads } from '../core/storage/campaigns/createCampaignStatsReads.ts';
import { createCampaignStore } from '../core/storage/campaigns/createCampaignStore.ts';
import { createFanOutStore } from '../core/storage/campaigns/createFanOutStore.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createSegmentStore } from '../core/storage/segments/createSegmentStore.ts';

export interface CampaignContext {
  translator: Translator;
  settings: Pick<ProgramSettings, 'timezone' | 'defaultLocale'>;
  loadRules: () => Promise<ProgramRules>;
  log: Logger;
}

/** Campaigns on this database: what the API, the scheduler and the chats share. */
export function campaignDepsOf(db: Database, context: CampaignContext): CampaignDeps {
  return {
    ...context,
    campaigns: createCampaignStore(db),
    fanOut: createFanOutStore(db),
    stats: createCampaignStatsReads(db),
    segments: createSegmentStore(db),
  };
}
