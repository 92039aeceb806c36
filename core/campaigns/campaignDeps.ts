import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { ProgramSettings } from '../settings/programSettings.ts';
import type { SegmentStore } from '../segments/segmentsPorts.ts';
import type { CampaignStatsReads, CampaignStore, FanOutStore } from './campaignsPorts.ts';

/** What campaigns are run with; the composition root supplies it. */
export interface CampaignDeps {
  campaigns: CampaignStore;
  fanOut: FanOutStore;
  stats: CampaignStatsReads;
  segments: Pick<SegmentStore, 'find'>;
  translator: Translator;
  settings: Pick<ProgramSettings, 'timezone' | 'defaultLocale'>;
  loadRules: () => Promise<ProgramRules>;
  log: Logger;
  /** Members enrolled or decided per transaction: small enough that chat traffic never waits long behind one. */
  batchSize?: number;
  /** True while people are being answered, when batches are smaller; by default this process's HTTP traffic says. */
  serving?: () => boolean;
}
