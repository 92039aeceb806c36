import type { CampaignCategory } from '../campaigns/campaignCategories.ts';

/** Where a member said yes or no to news and offers. */
export type ConsentSource = 'registration' | 'settings' | 'campaign' | 'blocked';

export interface ConsentAnswer {
  optedIn: boolean;
  /** The version of the text the member answered (`OFFERS_TEXT_VERSION`). */
  textVersion: string;
  source: ConsentSource;
  at: Date;
}

/**
 * Consent to marketing, apart from the programme's own consent: off until
 * the member opts in, every answer kept with its date and text version.
 */
export interface MarketingConsentStore {
  /** Whether the member opted in now. */
  optedIn(memberId: string): Promise<boolean>;
  /** Records the answer and makes it the member's current one. */
  record(memberId: string, answer: ConsentAnswer): Promise<void>;
  /** The kinds of campaign the member switched off, while the rest still reach them. */
  mutedCategories(memberId: string): Promise<CampaignCategory[]>;
  setCategoryMuted(memberId: string, category: CampaignCategory, muted: boolean): Promise<void>;
}
