import type { MemberChat } from '../conversation/conversationPorts.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import { escalate } from '../desk/escalate.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { message, type Outbound } from '../outbound.ts';
import { showInvite } from '../referral/showInvite.ts';
import type { SurveyQuestionRecord } from './surveysPorts.ts';

/** Someone is to have contacted a detractor within this long. */
export const DETRACTOR_FOLLOW_UP_MS = 48 * 3_600_000;

/**
 * What an NPS answer leads to once its follow-up is answered or skipped: a
 * detractor is handed to a person (a desk ticket, reason `nps`, with the
 * score, the comment and a 48-hour follow-up target); a promoter is thanked
 * and invited to refer a friend, and to review us where the programme names
 * a page; a passive is thanked.
 */
export async function closeTheLoop(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  question: SurveyQuestionRecord,
): Promise<Outbound[]> {
  const { t, deps, now } = turn;
  if (question.group === 'detractor') {
    const ticketId = crypto.randomUUID();
    const replies = await escalate(turn, chat, member, 'nps', question.comment ?? '', {
      id: ticketId,
      surveyScore: question.score,
      followUpBy: new Date(now.getTime() + DETRACTOR_FOLLOW_UP_MS),
    });
    await deps.surveys?.store.linkTicket(question.id, ticketId);
    return replies;
  }
  await saveState(turn, chat, { state: { v: 1, step: 'member' } });
  if (question.group !== 'promoter') return [withMenu(turn, t('surveys.thanks.passive'))];
  const rules = await deps.points.rules();
  const review = rules.nps.reviewUrl ? [message(t('surveys.review', { url: rules.nps.reviewUrl }))] : [];
  if (!deps.referrals) return [...review, withMenu(turn, t('surveys.thanks.passive'))];
  return [message(t('surveys.thanks.promoter')), ...review, await showInvite(turn, member)];
}
