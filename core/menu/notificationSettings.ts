import type { Turn } from '../conversation/turn.ts';
import { notificationTopics, type NotificationTopic } from '../notifications/notificationTopics.ts';
import type { Outbound } from '../outbound.ts';
import { payload } from '../payloads.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { menuAfter } from './mainMenu.ts';
import { offersPayload } from '../marketing/offersPayloads.ts';
import { campaignCategories } from '../campaigns/campaignCategories.ts';

/**
 * Which messages the member gets, one switch per kind: being able to stop
 * one kind (birthday greetings, say) without losing anything else is what
 * keeps a programme from being intrusive.
 */
export async function notificationSettings(turn: Turn, member: MemberRecord, intro?: string): Promise<Outbound> {
  return settingsScreen(turn, member, new Set(await turn.deps.members.mutedTopics(member.id)), intro);
}

async function settingsScreen(
  turn: Turn,
  member: MemberRecord,
  muted: Set<NotificationTopic>,
  intro?: string,
): Promise<Outbound> {
  const { t } = turn;
  const switches = notificationTopics.map((topic) => [
    {
      label: t(muted.has(topic) ? 'notifications.off' : 'notifications.on', {
        topic: t(`notifications.topic.${topic}`),
      }),
      payload: payload.toggleNotification(topic),
    },
  ]);
  // News and offers are asked for, not muted: off until the member opts in (core/marketing).
  const offers = turn.deps.marketing && (await turn.deps.marketing.optedIn(member.id));
  if (offers !== undefined)
    switches.push([
      {
        label: t(offers ? 'notifications.on' : 'notifications.off', { topic: t('notifications.topic.offers') }),
        payload: offersPayload(offers ? 'off' : 'on'),
      },
    ]);
  // Each kind of campaign has its own switch once the member opted in, so one can go without the rest.
  if (offers && turn.deps.marketing) {
    const mutedKinds = new Set(await turn.deps.marketing.mutedCategories(member.id));
    for (const category of campaignCategories) {
      const off = mutedKinds.has(category);
      switches.push([
        {
          label: t(off ? 'notifications.off' : 'notifications.on', { topic: t(`campaigns.category.${category}`) }),
          payload: offersPayload(off ? 'on' : 'off', category),
        },
      ]);
    }
  }
  const text = [intro, t('notifications.title')].filter(Boolean).join('\n\n');
  return menuAfter(turn, text, switches);
}

/** Flips one kind of message on or off and shows the switches again. */
export async function toggleNotification(
  turn: Turn,
  member: MemberRecord,
  topic: NotificationTopic,
): Promise<Outbound> {
  const { t, deps } = turn;
  const muted = new Set(await deps.members.mutedTopics(member.id));
  const nowMuted = !muted.has(topic);
  await deps.members.setMuted(member.id, topic, nowMuted);
  if (nowMuted) muted.add(topic);
  else muted.delete(topic);
  const name = t(`notifications.topic.${topic}`);
  return settingsScreen(
    turn,
    member,
    muted,
    t(nowMuted ? 'notifications.switchedOff' : 'notifications.switchedOn', { topic: name }),
  );
}
