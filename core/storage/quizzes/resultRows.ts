import type { Locale } from '../../i18n/locale.ts';
import type { AttemptRow, QuizResultRows } from '../../quizzes/quizzesPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { toQuiz } from './toQuiz.ts';

/** A quiz and every attempt at it, with each question's outcome and time. */
export async function resultRows(db: Database, quizId: string): Promise<QuizResultRows | null> {
  const row = await db.prisma.quiz.findUnique({ where: { id: quizId } });
  if (!row) return null;
  const attempts = await db.prisma.quizAttempt.findMany({
    where: { quizId },
    include: { member: { select: { name: true, locale: true } }, answers: true },
    orderBy: { id: 'asc' },
  });
  return {
    quiz: toQuiz(row),
    attempts: attempts.map((attempt): AttemptRow => ({
      attemptId: attempt.id,
      memberId: attempt.memberId,
      memberName: attempt.member.name,
      locale: attempt.member.locale as Locale,
      score: attempt.score,
      answerMs: attempt.answerMs,
      points: attempt.points,
      completedAt: attempt.completedAt,
      finishedBy: attempt.finishedBy as AttemptRow['finishedBy'],
      answers: attempt.answers.map((answer) => ({
        questionIndex: answer.questionIndex,
        correct: answer.correct,
        timedOut: answer.timedOut,
        answeredMs: answer.answeredAt ? answer.answeredAt.getTime() - answer.sentAt.getTime() : null,
      })),
    })),
  };
}
