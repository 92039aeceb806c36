import type { MemberChat } from '../conversation/conversationPorts.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { message, type Outbound } from '../outbound.ts';
import { showInvite } from '../referral/showInvite.ts';
import { handDetractorToPerson } from './handDetractorToPerson.ts';
import type { SurveyQuestionRecord } from './surveysPorts.ts';

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
  const { t, deps } = turn;
  if (question.group === 'detractor') return handDetractorToPerson(turn, chat, member, question);
  await saveState(turn, chat, { state: { v: 1, step: 'member' } });
  if (question.group !== 'promoter') return [withMenu(turn, t('surveys.thanks.passive'))];
  const rules = await deps.points.rules();
  const review = rules.nps.reviewUrl ? [message(t('surveys.review', { url: rules.nps.reviewUrl }))] : [];
  if (!deps.referrals) return [...review, withMenu(turn, t('surveys.thanks.passive'))];
  return [message(t('surveys.thanks.promoter')), ...review, await showInvite(turn, member)];
}
