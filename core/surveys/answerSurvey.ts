import type { MemberChat } from '../conversation/conversationPorts.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { message, type Outbound } from '../outbound.ts';
import { closeTheLoop } from './closeTheLoop.ts';
import { localDay } from '../program/quietHours.ts';
import { parseSurveyPayload, surveyPayload } from './surveyPayloads.ts';
import { groupOf, isValidScore, type ScoreGroup } from './surveyScores.ts';

/**
 * A press on a survey button. The first answer counts; a second press is
 * thanked as counted already, a late one thanked and not counted. NPS asks
 * its follow-up by group, answered with the next text or Skip.
 */
export async function answerSurvey(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  raw: string,
): Promise<Outbound[]> {
  const { t, deps, now } = turn;
  const press = parseSurveyPayload(raw);
  const store = deps.surveys?.store;
  if (!press || !store) return [withMenu(turn, t('errors.unknownButton'))];
  if ('skip' in press) return skipFollowUp(turn, chat, member, press.questionId);
  const question = await store.find(press.questionId);
  if (!question || question.memberId !== member.id || !isValidScore(question.kind, press.score))
    return [withMenu(turn, t('surveys.gone'))];
  const group = groupOf(question.kind, press.score);
  const answered = await store.answer({
    questionId: question.id,
    memberId: member.id,
    score: press.score,
    group,
    at: now,
    day: localDay(now, deps.settings.timezone),
  });
  if (answered.outcome === 'already-answered') return [withMenu(turn, t('surveys.alreadyCounted'))];
  if (answered.outcome === 'expired') return [withMenu(turn, t('surveys.late'))];
  if (answered.outcome === 'missing') return [withMenu(turn, t('surveys.gone'))];
  deps.log.info({ questionId: question.id, kind: question.kind, group }, 'surveys: answered');
  if (question.kind === 'csat') return [withMenu(turn, t('surveys.thanks.csat'))];
  // Talking to staff already: the score counts, and the chat stays with the ticket, so nothing typed next is lost.
  if (chat.state.ticket) return [message(t('surveys.thanks.whileTalking'))];
  await saveState(turn, chat, { state: { v: 1, step: 'member', surveyComment: question.id } });
  return [followUp(turn, question.id, group)];
}

/** The text after an NPS answer is its comment; then the loop is closed by group. */
export async function commentOnSurvey(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  questionId: string,
  comment: string,
): Promise<Outbound[]> {
  const store = turn.deps.surveys?.store;
  const question = store ? await store.find(questionId) : null;
  if (!store || !question || question.memberId !== member.id || question.score === null) {
    await saveState(turn, chat, { state: { v: 1, step: 'member' } });
    return [withMenu(turn, turn.t('surveys.commentThanks'))];
  }
  const words = comment.trim().slice(0, 2000);
  if (words !== '') await store.comment(questionId, member.id, words);
  return closeTheLoop(turn, chat, member, { ...question, comment: words === '' ? null : words });
}

async function skipFollowUp(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  questionId: string,
): Promise<Outbound[]> {
  // A Skip pressed again, or under an old follow-up: the loop was closed already.
  if (chat.state.surveyComment !== questionId) return [withMenu(turn, turn.t('surveys.commentThanks'))];
  const question = await turn.deps.surveys?.store.find(questionId);
  if (!question || question.score === null) return [withMenu(turn, turn.t('surveys.commentThanks'))];
  return closeTheLoop(turn, chat, member, question);
}

function followUp(turn: Turn, questionId: string, group: ScoreGroup): Outbound {
  const { t } = turn;
  return message(t(`surveys.followUp.${group}`), [
    [{ label: t('surveys.skip'), payload: surveyPayload.skip(questionId) }],
  ]);
}
