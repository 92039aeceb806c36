import type { Translator } from '../i18n/translator.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Notification } from '../outbox/outboxPorts.ts';

/** What a friend's first purchase brought, as the notifications need it. */
export interface ReferralReward {
  /** The friend, with their balance once the bonus is in. */
  friend: { id: string; locale: Locale; balance: number };
  referrer: { id: string; locale: Locale };
  /** Points credited to the friend (0 when the programme gives none). */
  friendPoints: number;
  /** Points credited to the referrer; 0 when the cap or the programme withheld them. */
  referrerPoints: number;
  /** The referrer had reached the cap of rewarded invitations for the period. */
  capped: { cap: number; days: number } | null;
}

/**
 * The messages a rewarded invitation sends: the referrer learns that an
 * invited friend bought (never who: the friend's name is theirs to share),
 * the friend learns about their own bonus. One of each per friend.
 */
export function referralNotifications(translator: Translator, reward: ReferralReward): Notification[] {
  const notifications: Notification[] = [];
  const toReferrer = referrerText(translator, reward);
  if (toReferrer)
    notifications.push({
      memberId: reward.referrer.id,
      dedupeKey: `referral:${reward.friend.id}:referrer`,
      message: { text: toReferrer },
    });
  if (reward.friendPoints > 0) {
    const t = translator.forLocale(reward.friend.locale);
    const text = [
      t('referral.friendRewarded', { points: t('points', { count: reward.friendPoints }) }),
      t('purchase.balance', { points: t('points', { count: reward.friend.balance }) }),
    ].join('\n');
    notifications.push({
      memberId: reward.friend.id,
      dedupeKey: `referral:${reward.friend.id}:friend`,
      message: { text },
    });
  }
  return notifications;
}

function referrerText(translator: Translator, reward: ReferralReward): string | null {
  const t = translator.forLocale(reward.referrer.locale);
  if (reward.referrerPoints > 0)
    return t('referral.referrerRewarded', { points: t('points', { count: reward.referrerPoints }) });
  if (reward.capped)
    return t('referral.capReached', {
      count: reward.capped.cap,
      days: t('referral.days', { count: reward.capped.days }),
    });
  return null;
}
