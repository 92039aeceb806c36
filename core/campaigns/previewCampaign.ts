import { locales, type Locale } from '../i18n/locale.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { segmentQuery } from '../segments/segmentQuery.ts';
import type { SegmentMembers } from '../segments/segmentsPorts.ts';
import type { CampaignContent } from './campaign.ts';
import type { CampaignDeps } from './campaignDeps.ts';
import { messageProblems, type MessageProblem } from './messageLimits.ts';
import { renderCampaignMessage } from './renderCampaignMessage.ts';

export type PreviewContent = Pick<CampaignContent, 'messages' | 'buttons' | 'imageUrl' | 'category'> & {
  segmentId?: string | undefined;
};

export interface CampaignPreview {
  /** Whose figures fill the placeholders: the segment's newest member, or an example one. */
  member: { name: string; balance: number; tier: string | null; example: boolean };
  previews: Array<{ locale: Locale; text: string; buttons: string[]; imageUrl: string | null }>;
  problems: MessageProblem[];
}

const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The message in each language as a member will read it, while the marketer
 * writes it: the same rendering the fan-out uses, for a real member of the
 * segment when it has one, with the channels' limits checked as it goes.
 */
export async function previewCampaign(
  deps: CampaignDeps,
  reads: { members: SegmentMembers; findMember(id: string): Promise<MemberRecord | null> },
  content: PreviewContent,
  now: Date,
): Promise<CampaignPreview> {
  const segment = content.segmentId ? await deps.segments.find(content.segmentId) : null;
  const [newest] = segment
    ? await reads.members.sample(segmentQuery(segment.filters, now, deps.settings.timezone), 1)
    : [];
  const real = newest ? await reads.findMember(newest.id) : null;
  const tiers = (await deps.loadRules()).tiers;
  const previews = locales.map((locale) => {
    const t = deps.translator.forLocale(locale);
    const values = real ?? { name: t('campaigns.exampleName'), balance: 1250, tier: tiers[0]?.code ?? null };
    const message = renderCampaignMessage({ id: PREVIEW_ID, ...content }, { ...values, locale }, locale, t);
    return {
      locale,
      text: message.text,
      buttons: (message.buttons ?? []).flat().map((button) => button.label),
      imageUrl: content.imageUrl,
    };
  });
  const shown = real ?? { name: '', balance: 1250, tier: tiers[0]?.code ?? null };
  return {
    member: { name: shown.name, balance: shown.balance, tier: shown.tier, example: real === null },
    previews,
    problems: messageProblems(content.messages, content.imageUrl !== null, segment?.filters.channels),
  };
}
