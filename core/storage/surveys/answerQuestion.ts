import type { AnswerOutcome, SurveyStore } from '../../surveys/surveysPorts.ts';
import type { Prisma } from '../db/openDatabase.ts';
import { toQuestionRecord } from './questionRecords.ts';
import { countAnswerInTransaction } from './dailyCounts.ts';

/**
 * The first answer in time counts: a conditional update from `asked`, so a
 * double press (or the same press delivered twice) counts once. A press
 * after the question expired — whether or not the expiry job has run yet —
 * is told apart, to be thanked and not counted. An NPS answer becomes the
 * member's group (`Member.npsGroup`): the latest answer is the one that holds.
 */
export async function answerQuestion(
  prisma: Prisma,
  input: Parameters<SurveyStore['answer']>[0],
): Promise<AnswerOutcome> {
  const { questionId, memberId, score, group, at, day } = input;
  const { count, row } = await prisma.$transaction(async (tx) => {
    const answered = await tx.surveyQuestion.updateMany({
      where: { id: questionId, memberId, status: 'asked', expiresAt: { gt: at } },
      data: { status: 'answered', score, scoreGroup: group, answeredAt: at, answeredDay: day },
    });
    const question = await tx.surveyQuestion.findUnique({ where: { id: questionId } });
    if (answered.count === 1 && question) {
      await countAnswerInTransaction(tx, { ...question, day, score, askedDay: question.askedDay });
      // Segments filter on the latest NPS answer's group; kept on the member so a count reads no answers.
      if (question.kind === 'nps') await tx.member.updateMany({ where: { id: memberId }, data: { npsGroup: group } });
    }
    return { count: answered.count, row: question };
  });
  if (!row || row.memberId !== memberId) return { outcome: 'missing' };
  if (count === 1) return { outcome: 'answered', question: toQuestionRecord(row) };
  if (row.status === 'answered') return { outcome: 'already-answered' };
  if (row.status === 'expired' || row.status === 'asked') return { outcome: 'expired' };
  return { outcome: 'missing' };
}
