import type { Database, Tx } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { finishAttempt } from './finishAttempt.ts';
import { pointsFor } from '../../quizzes/quiz.ts';
import { toQuiz } from './toQuiz.ts';

/**
 * Closes one published quiz, conditionally on it still being published, and
 * in the same transaction ends the attempts under way as they stand: what
 * they answered correctly is credited, the rest counts as unanswered.
 */
export async function closeQuizInTransaction(
  tx: Tx,
  quizId: string,
  now: Date,
  expiresAt: (at: Date) => Date | null,
): Promise<boolean> {
  const closed = await tx.quiz.updateMany({
    where: { id: quizId, state: 'published' },
    data: { state: 'closed', closedAt: now, version: { increment: 1 } },
  });
  if (closed.count === 0) return false;
  const quiz = toQuiz((await tx.quiz.findUnique({ where: { id: quizId } }))!);
  const open = await tx.quizAttempt.findMany({
    where: { quizId, completedAt: null },
    select: { id: true, memberId: true, score: true },
  });
  for (const attempt of open)
    await finishAttempt(tx, attempt.id, {
      now,
      by: 'close',
      memberId: attempt.memberId,
      points: pointsFor(quiz, attempt.score),
      expiresAt: expiresAt(now),
    });
  return true;
}

export function closeQuiz(db: Database, quizId: string, now: Date, expiresAt: (at: Date) => Date | null) {
  return withTransactionRetry(db, (tx) => closeQuizInTransaction(tx, quizId, now, expiresAt), {
    timeout: 60_000,
    maxWait: 10_000,
  });
}
