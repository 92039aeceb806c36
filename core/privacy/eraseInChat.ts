import type { Turn } from '../conversation/turn.ts';
import { formatCardNumber } from '../members/cardNumber.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { menuAfter, withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';
import { privacyPayload } from './privacyPayloads.ts';

/** What erasure means for this member, with Yes and Cancel: nothing happens without the second tap. */
export function askToErase(turn: Turn, member: MemberRecord): Outbound {
  const { t } = turn;
  const text = t('privacy.confirm', {
    points: t('points', { count: member.balance }),
    card: formatCardNumber(member.cardNumber),
  });
  return menuAfter(turn, text, [
    [
      { label: t('privacy.confirmButton'), payload: privacyPayload.confirmErase },
      { label: t('privacy.cancelButton'), payload: privacyPayload.cancelErase },
    ],
  ]);
}

/**
 * Erases the member who confirmed in their chat. The chat goes with the
 * rest, so the goodbye carries no menu: a next message is a stranger's.
 */
export async function eraseInChat(turn: Turn, member: MemberRecord): Promise<Outbound[]> {
  const { t, deps } = turn;
  if (!deps.privacy) return [withMenu(turn, t('privacy.unavailable'))];
  const outcome = await deps.privacy.erase({
    memberId: member.id,
    confirmCardNumber: member.cardNumber,
    actor: 'member',
    at: turn.now,
  });
  if (outcome.kind !== 'erased') return [withMenu(turn, t('privacy.unavailable'))];
  return [{ text: t('privacy.erased') }];
}
