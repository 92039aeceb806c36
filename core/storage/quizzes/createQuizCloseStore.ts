import type { QuizCloseStore } from '../../quizzes/quizzesPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { closeQuiz } from './closeQuiz.ts';
import { forgetPublishedQuizzes } from './openQuizzes.ts';
import { resultRows } from './resultRows.ts';

export function createQuizCloseStore(db: Database): QuizCloseStore {
  return {
    closeDue: async (now, expiresAt) => {
      const due = await db.prisma.quiz.findMany({
        where: { state: 'published', closesAt: { lte: now } },
        select: { id: true },
      });
      let closed = 0;
      for (const quiz of due) if (await closeQuiz(db, quiz.id, now, expiresAt)) closed += 1;
      if (closed > 0) forgetPublishedQuizzes(db);
      return closed;
    },
    unannounced: async (limit) =>
      (
        await db.prisma.quiz.findMany({
          where: { state: 'closed', announcedAt: null },
          select: { id: true },
          orderBy: { closedAt: 'asc' },
          take: limit,
        })
      ).map((quiz) => quiz.id),
    results: (id) => resultRows(db, id),
    // The mark and the messages commit together: a run cut short leaves neither, and the dedupe keys keep a second run from repeating any.
    announce: (quizId, notices, now) =>
      withTransactionRetry(
        db,
        async (tx) => {
          const marked = await tx.quiz.updateMany({
            where: { id: quizId, state: 'closed', announcedAt: null },
            data: { announcedAt: now },
          });
          if (marked.count === 0) return false;
          for (const notice of notices) await enqueueInTransaction(tx, { ...notice, at: now }, { tellWhyNot: false });
          return true;
        },
        { timeout: 60_000, maxWait: 10_000 },
      ),
  };
}
