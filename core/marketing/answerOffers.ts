import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { notificationSettings } from '../menu/notificationSettings.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Outbound } from '../outbound.ts';
import type { ConsentSource } from './marketingPorts.ts';
import { OFFERS_TEXT_VERSION } from './offersQuestion.ts';
import { parseOffersPayload, type OffersPress } from './offersPayloads.ts';

const meaning: Record<OffersPress, { optedIn: boolean; source: ConsentSource }> = {
  yes: { optedIn: true, source: 'registration' },
  no: { optedIn: false, source: 'registration' },
  stop: { optedIn: false, source: 'campaign' },
  on: { optedIn: true, source: 'settings' },
  off: { optedIn: false, source: 'settings' },
};

/**
 * A press on a news-and-offers button. An answer about all of them is
 * recorded as consent; one about a single kind (Stop under a holiday
 * greeting) switches that kind alone. Either way the member sees every
 * switch they have, so stopping offers never feels like losing anything else.
 */
export async function answerOffers(
  turn: Turn,
  _chat: MemberChat,
  member: MemberRecord,
  raw: string,
): Promise<Outbound[]> {
  const { t, deps, now } = turn;
  const parsed = parseOffersPayload(raw);
  const store = deps.marketing;
  if (!parsed || !store) return [withMenu(turn, t('errors.unknownButton'))];
  const { optedIn, source } = meaning[parsed.press];
  if (parsed.category) {
    await store.setCategoryMuted(member.id, parsed.category, !optedIn);
    deps.log.info({ memberId: member.id, category: parsed.category, optedIn, source }, 'marketing: category switched');
    const category = t(`campaigns.category.${parsed.category}`);
    return [
      await notificationSettings(
        turn,
        member,
        t(optedIn ? 'notifications.switchedOn' : 'notifications.switchedOff', { topic: category }),
      ),
    ];
  }
  await store.record(member.id, { optedIn, source, textVersion: OFFERS_TEXT_VERSION, at: now });
  deps.log.info({ memberId: member.id, optedIn, source }, 'marketing: consent answered');
  return [await notificationSettings(turn, member, t(optedIn ? 'offers.optedIn' : 'offers.optedOut'))];
}
