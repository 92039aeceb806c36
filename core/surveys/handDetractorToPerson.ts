import type { MemberChat } from '../conversation/conversationPorts.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import { escalate } from '../desk/escalate.ts';
import { ticketButtons } from '../desk/ticketButtons.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { message, type Outbound } from '../outbound.ts';
import { followUpTicketIdOf } from './followUpTicketId.ts';
import type { SurveyQuestionRecord } from './surveysPorts.ts';

/** Someone is to have contacted a detractor within this long of their score. */
export const DETRACTOR_FOLLOW_UP_MS = 48 * 3_600_000;

/**
 * A detractor's comment (or Skip) hands them to a person: a desk ticket,
 * reason `nps`, with the score, the comment and a 48-hour follow-up target.
 * When the job has opened that ticket already (the member was silent for a
 * while, openSilentDetractorTickets.ts), the comment joins it instead: one
 * answer, one ticket.
 */
export async function handDetractorToPerson(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  question: SurveyQuestionRecord,
): Promise<Outbound[]> {
  const ticketId = followUpTicketIdOf(question.id);
  const existing = await turn.deps.desk.store.find(question.followUpTicketId ?? ticketId);
  if (existing) return joinTicket(turn, chat, member, existing.id, question.comment);
  const answeredAt = question.answeredAt ?? turn.now;
  // A ticket of this id opened meanwhile makes escalate answer the turn again, which then joins it.
  const replies = await escalate(turn, chat, member, 'nps', question.comment ?? '', {
    id: ticketId,
    surveyScore: question.score,
    followUpBy: new Date(answeredAt.getTime() + DETRACTOR_FOLLOW_UP_MS),
  });
  await turn.deps.surveys?.store.linkTicket(question.id, ticketId);
  return replies;
}

/** The comment to the ticket's thread, and the chat to the ticket; a ticket resolved meanwhile just thanks. */
async function joinTicket(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  ticketId: string,
  comment: string | null,
): Promise<Outbound[]> {
  const { t, deps, inbound } = turn;
  const outcome = comment ? await addComment(turn, member, ticketId, comment) : 'added';
  const ticket = await deps.desk.store.find(ticketId);
  if (outcome === 'closed' || outcome === 'missing' || !ticket || ticket.status === 'resolved') {
    await saveState(turn, chat, { state: { v: 1, step: 'member' } });
    return [withMenu(turn, t('surveys.commentThanks'))];
  }
  deps.log.info({ ticketId, channel: inbound.channel }, 'surveys: comment joined the follow-up ticket');
  await saveState(turn, chat, { state: { v: 1, step: 'member', ticket: ticketId } });
  return [message(t('desk.recorded.nps'), ticketButtons(t, ticketId))];
}

function addComment(turn: Turn, member: MemberRecord, ticketId: string, comment: string) {
  const { deps, inbound, now } = turn;
  const staffT = deps.translator.forLocale(deps.desk.settings.staffLocale);
  const sourceKey = `${inbound.channel}:${inbound.updateId}`;
  return deps.desk.store.addCustomerMessage(
    { ticketId, sourceKey, author: 'customer', text: comment, at: now },
    {
      dedupeKey: `desk:${ticketId}:in:${sourceKey}`,
      post: { kind: 'thread', text: staffT('desk.thread.customer', { name: member.name }), quote: comment },
    },
  );
}
