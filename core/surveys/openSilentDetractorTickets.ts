import type { DeskDeps } from '../desk/deskPorts.ts';
import { nextAnnouncementAt } from '../desk/deskSettings.ts';
import type { JobDeps } from '../jobs/jobsPorts.ts';
import { DETRACTOR_FOLLOW_UP_MS } from './handDetractorToPerson.ts';
import { followUpTicketIdOf } from './followUpTicketId.ts';
import type { SilentDetractor, SurveyStore } from './surveysPorts.ts';

/**
 * How long a detractor's follow-up question ("What disappointed you?") waits
 * for a comment or Skip before the ticket is opened without one. Long enough
 * for a considered answer typed on a phone, or a member called away who
 * comes back to write it; short against the 48-hour follow-up target, which
 * counts from the score, so waiting costs staff nothing.
 */
export const DETRACTOR_SILENCE_MS = 30 * 60_000;

/**
 * How far back the job looks: a scheduler that was down for days still
 * catches up, and answers older than this (from before the job existed) do
 * not flood the desk at once.
 */
export const SILENT_DETRACTOR_LOOKBACK_MS = 7 * 24 * 3_600_000;

export type SilentDetractorDeps = JobDeps & { surveys: SurveyStore; desk: DeskDeps };

/**
 * A detractor who pressed 0–6 and then neither commented nor skipped is
 * still handed to a person: the ticket (reason `nps`, with the score) opens
 * once the follow-up has waited `DETRACTOR_SILENCE_MS`. The ticket's id comes
 * from the answer, so two runs, or a run and the member's late comment, open
 * one ticket; a comment written later joins it (closeTheLoop.ts). The
 * member's conversation is left as it is: their next text is still the comment.
 */
export async function openSilentDetractorTickets(deps: SilentDetractorDeps, now: Date): Promise<{ opened: number }> {
  const to = new Date(now.getTime() - DETRACTOR_SILENCE_MS);
  const from = new Date(now.getTime() - SILENT_DETRACTOR_LOOKBACK_MS);
  let opened = 0;
  for (const silent of await deps.surveys.silentDetractors({ from, to }, deps.batchSize ?? 100)) {
    if (await openFor(deps, silent, now)) opened += 1;
  }
  if (opened > 0) deps.log.info({ opened }, 'surveys: tickets opened for detractors who wrote no comment');
  return { opened };
}

async function openFor(deps: SilentDetractorDeps, { question, chat }: SilentDetractor, now: Date): Promise<boolean> {
  // No chat left to answer in (every one unlinked): nobody could reply to the member through the desk.
  if (!chat || question.score === null || !question.answeredAt) return false;
  const id = followUpTicketIdOf(question.id);
  const outcome = await deps.desk.store.open({
    ticket: {
      id,
      memberId: question.memberId,
      chatId: chat.id,
      channel: chat.channel,
      address: chat.address,
      locale: chat.locale,
      reason: 'nps',
      text: question.comment ?? '',
      openedAt: now,
      nextAnnounceAt: nextAnnouncementAt(now, now, deps.desk.settings),
      surveyScore: question.score,
      followUpBy: new Date(question.answeredAt.getTime() + DETRACTOR_FOLLOW_UP_MS),
    },
    posts: [{ dedupeKey: `desk:${id}:ticket`, post: { kind: 'ticket' } }],
  });
  // Opened now or by the member's comment a moment ago: either way the answer is followed up by it.
  await deps.surveys.linkTicket(question.id, id);
  if (outcome === 'opened') deps.log.info({ ticketId: id, questionId: question.id }, 'desk: ticket opened');
  return outcome === 'opened';
}
