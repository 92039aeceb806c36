import type { Outbound } from '../../outbound.ts';
import type { QuestionStatus, SurveyQuestionRecord } from '../../surveys/surveysPorts.ts';
import type { Tx } from '../db/openDatabase.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { countAskedInTransaction } from './dailyCounts.ts';

/**
 * Puts a scheduled question to its member: the message to the outbox under
 * the topic `surveys` and the question marked asked, only while it is still
 * scheduled (two instances asking at once ask once). A member who switched
 * surveys off gets the row written as `muted`, never sent; the question is
 * `muted` and counts as neither asked nor answered.
 */
export async function askInTransaction(
  tx: Tx,
  questionId: string,
  message: Outbound,
  at: Date,
  expiresAt: Date,
  /** The programme-local day of `at`. */
  day: string,
): Promise<QuestionStatus | 'gone'> {
  const question = await tx.surveyQuestion.findUnique({
    where: { id: questionId },
    select: { memberId: true, kind: true, touchpoint: true, store: true },
  });
  if (!question) return 'gone';
  const muted = (await tx.notificationMute.count({ where: { memberId: question.memberId, topic: 'surveys' } })) > 0;
  const status: QuestionStatus = muted ? 'muted' : 'asked';
  const claimed = await tx.surveyQuestion.updateMany({
    where: { id: questionId, status: 'scheduled' },
    data: { status, askedAt: at, askedDay: day, expiresAt },
  });
  if (claimed.count !== 1) return 'gone';
  const queued = await enqueueInTransaction(tx, {
    memberId: question.memberId,
    dedupeKey: `survey:${questionId}:question`,
    message,
    topic: 'surveys',
    at,
  });
  if (queued === 'no-reachable-chat') {
    // Nobody to ask (enrolled at the till, or every chat unreachable): not asked, so not counted as unanswered.
    await tx.surveyQuestion.update({
      where: { id: questionId },
      data: { status: 'skipped', askedAt: null, askedDay: null },
    });
    return 'skipped';
  }
  const chat = await tx.outboxMessage.findUnique({
    where: { dedupeKey: `survey:${questionId}:question` },
    select: { channel: true },
  });
  if (chat) await tx.surveyQuestion.update({ where: { id: questionId }, data: { channel: chat.channel } });
  if (status === 'asked') await countAskedInTransaction(tx, { ...question, day });
  return status;
}

/** What the asking policy needs about the member of `question`. */
export async function askingFactsInTransaction(
  tx: Tx,
  question: Pick<SurveyQuestionRecord, 'id' | 'memberId' | 'kind' | 'touchpoint'>,
  now: Date,
): Promise<{ lastAskedOfKind: Date | null; lastAskedAny: Date | null; openQuestion: boolean }> {
  const asked = { memberId: question.memberId, askedAt: { not: null }, id: { not: question.id } };
  // A purchase CSAT has a throttle of its own; NPS shares one whatever the touch point.
  const sameThrottle = question.kind === 'nps' ? { kind: 'nps' } : { kind: 'csat', touchpoint: question.touchpoint };
  // One after the other: a transaction's statements share one connection.
  const ofKind = await tx.surveyQuestion.findFirst({
    where: { ...asked, ...sameThrottle },
    orderBy: { askedAt: 'desc' },
    select: { askedAt: true },
  });
  // The desk's rating prompt follows a ticket the member opened: it is no survey of ours to space out.
  const any = await tx.surveyQuestion.findFirst({
    where: { ...asked, touchpoint: { not: 'desk' } },
    orderBy: { askedAt: 'desc' },
    select: { askedAt: true },
  });
  const open = await tx.surveyQuestion.count({ where: { ...asked, status: 'asked', expiresAt: { gt: now } } });
  return { lastAskedOfKind: ofKind?.askedAt ?? null, lastAskedAny: any?.askedAt ?? null, openQuestion: open > 0 };
}
