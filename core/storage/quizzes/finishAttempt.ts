import type { Tx } from '../db/openDatabase.ts';
import { creditInTransaction } from '../points/creditInTransaction.ts';

export const QUIZ_LEDGER_KIND = 'quiz';

/**
 * Completes an attempt and credits its points in the caller's transaction,
 * once: the completion is conditional on the attempt being open, and the
 * ledger line carries the key `quiz:<attemptId>` under its unique constraint.
 */
export async function finishAttempt(
  tx: Tx,
  attemptId: string,
  finish: { now: Date; by: 'member' | 'close'; memberId: string; points: number; expiresAt: Date | null },
): Promise<boolean> {
  const { points } = finish;
  const done = await tx.quizAttempt.updateMany({
    where: { id: attemptId, completedAt: null },
    data: { completedAt: finish.now, finishedBy: finish.by, points },
  });
  if (done.count === 0) return false;
  if (points > 0)
    await creditInTransaction(tx, {
      memberId: finish.memberId,
      kind: QUIZ_LEDGER_KIND,
      points,
      idempotencyKey: `quiz:${attemptId}`,
      expiresAt: finish.expiresAt,
      at: finish.now,
    });
  return true;
}
