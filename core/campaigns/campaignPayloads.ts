/**
 * A press on a campaign message's button: `cmp:<campaign id>:<button index>`.
 * The campaign is looked up, so the press is counted before it opens what the
 * button leads to; a UUID keeps it within Telegram's 64 bytes.
 */
export const CAMPAIGN_SCOPE = 'cmp';

export const campaignPayload = (campaignId: string, index: number) => `${CAMPAIGN_SCOPE}:${campaignId}:${index}`;

const ID = /^[0-9a-f-]{36}$/;

export function parseCampaignPayload(raw: string): { campaignId: string; index: number } | null {
  const [scope, campaignId, index, extra] = raw.split(':');
  if (scope !== CAMPAIGN_SCOPE || extra !== undefined || !ID.test(campaignId ?? '') || !/^\d$/.test(index ?? ''))
    return null;
  return { campaignId: campaignId!, index: Number(index) };
}
