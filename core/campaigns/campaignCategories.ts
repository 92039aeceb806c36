/**
 * The kinds of campaign a member can switch off one by one ("stop the
 * holiday greetings, keep the offers"). A fixed list, so each has its name in
 * every language the members read.
 */
export const campaignCategories = ['offers', 'news', 'holidays', 'events'] as const;

export type CampaignCategory = (typeof campaignCategories)[number];

/** The notification mute that switches one category off for a member. */
export const categoryMuteTopic = (category: CampaignCategory) => `offers:${category}`;
