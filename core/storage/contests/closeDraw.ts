import { randomUUID } from 'node:crypto';
import type { DrawEntryRule } from '../../contests/draws/draw.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';

/**
 * Freezes a draw's entries once its window has closed: `open` → `closed`,
 * conditionally, so entries and withdrawals (which move the count only
 * while `open`) stop here. A quiz draw takes its entries now, one per
 * member who completed the quiz within the window.
 */
export function closeDraw(db: Database, id: string, now: Date): Promise<void> {
  return withTransactionRetry(
    db,
    async (tx) => {
      const draw = await tx.draw.findUnique({ where: { id } });
      if (!draw || draw.status !== 'open' || draw.closesAt > now) return;
      const entry = JSON.parse(draw.entry) as DrawEntryRule;
      let count = 0;
      if (entry.kind === 'quiz') {
        const attempts = await tx.quizAttempt.findMany({
          where: { quizId: entry.quizId, completedAt: { gte: draw.opensAt, lt: draw.closesAt } },
          select: { memberId: true },
        });
        await tx.drawEntry.createMany({
          data: attempts.map((attempt) => ({
            id: randomUUID(),
            drawId: id,
            memberId: attempt.memberId,
            source: `quiz:${attempt.memberId}`,
            createdAt: now,
          })),
        });
        count = attempts.length;
      }
      await tx.draw.updateMany({
        where: { id, status: 'open' },
        data: { status: 'closed', entryCount: { increment: count } },
      });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
