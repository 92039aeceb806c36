import type { AttemptView, SettleOutcome, Settlement } from '../../quizzes/quizzesPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { finishAttempt } from './finishAttempt.ts';

/** Hundreds of members answer the same question at once: a transaction may wait its turn for a while. */
export const BUSY_QUIZ = { timeout: 15_000, maxWait: 15_000 };

/** Thrown inside the transaction to roll back a question recorded for an attempt that had moved on. */
class AttemptMovedOn extends Error {}

/**
 * One question's outcome, once. The answer is recorded only while it has
 * none (`answeredAt IS NULL`): of two taps arriving together, the second
 * finds it answered, on SQLite because transactions take turns and on
 * PostgreSQL because its update waits for the first and re-reads the row.
 * The attempt moves on in the same transaction, conditional on standing at
 * this question, then the next question is sent (its clock starts now) or
 * the attempt completes and its points are credited. The transaction holds
 * SQLite's one connection, so it writes and reads nothing it can do without.
 */
export async function settleAnswer(db: Database, s: Settlement): Promise<SettleOutcome> {
  const spentMs = Math.max(0, Math.round(s.spentMs));
  try {
    return await withTransactionRetry(
      db,
      async (tx): Promise<SettleOutcome> => {
        const recorded = await tx.quizAnswer.updateMany({
          where: { attemptId: s.attemptId, questionIndex: s.questionIndex, answeredAt: null },
          data: { answeredAt: s.now, chosen: s.chosen, correct: s.correct, timedOut: s.timedOut },
        });
        if (recorded.count === 0) return { kind: 'already' };
        const moved = await tx.quizAttempt.updateMany({
          where: { id: s.attemptId, nextIndex: s.questionIndex, completedAt: null },
          data: {
            nextIndex: s.questionIndex + 1,
            score: { increment: s.correct ? 1 : 0 },
            answerMs: { increment: spentMs },
          },
        });
        if (moved.count === 0) throw new AttemptMovedOn();
        // The write above was conditional on the attempt standing at this question, so what it becomes is known.
        const after = {
          ...s.before,
          score: s.before.score + (s.correct ? 1 : 0),
          answerMs: s.before.answerMs + spentMs,
        };
        if (s.next) {
          await tx.quizAnswer.create({
            data: {
              attemptId: s.attemptId,
              questionIndex: s.questionIndex + 1,
              optionOrder: JSON.stringify(s.next.order),
              sentAt: s.now,
            },
          });
          const pending = { questionIndex: s.questionIndex + 1, sentAt: s.now, order: s.next.order };
          return { kind: 'settled', attempt: { ...after, nextIndex: s.questionIndex + 1, pending }, completed: false };
        }
        const points = s.pointsFor(after.score);
        await finishAttempt(tx, s.attemptId, {
          now: s.now,
          by: 'member',
          memberId: s.before.memberId,
          points,
          expiresAt: s.expiresAt,
        });
        const attempt: AttemptView = {
          ...after,
          nextIndex: s.questionIndex + 1,
          points,
          completedAt: s.now,
          pending: null,
        };
        return { kind: 'settled', attempt, completed: true };
      },
      BUSY_QUIZ,
    );
  } catch (error) {
    // The quiz closed between the member's press and this write: closing ended the attempt first.
    if (error instanceof AttemptMovedOn) return { kind: 'already' };
    throw error;
  }
}
