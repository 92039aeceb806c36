import { isOpen } from '../../quizzes/quiz.ts';
import type { AttemptView, QuizPlayStore } from '../../quizzes/quizzesPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { readAttempt } from './attemptViews.ts';
import { publishedQuizzes } from './openQuizzes.ts';
import { BUSY_QUIZ, settleAnswer } from './settleAnswer.ts';
import { toQuiz } from './toQuiz.ts';

export function createQuizPlayStore(db: Database): QuizPlayStore {
  return {
    openFor: async (memberId, now) => {
      const open = (await publishedQuizzes(db)).filter((quiz) => isOpen({ ...quiz, state: 'published' }, now));
      if (open.length === 0) return [];
      const finished = await db.prisma.quizAttempt.findMany({
        where: { memberId, quizId: { in: open.map((quiz) => quiz.id) }, completedAt: { not: null } },
        select: { quizId: true },
      });
      const done = new Set(finished.map((attempt) => attempt.quizId));
      return open.map(({ id, title, segmentId }) => ({ id, title, segmentId, finished: done.has(id) }));
    },
    find: async (id) => {
      // Every answer reads its quiz: findFirst, for the reason readAttempt gives.
      const row = await db.prisma.quiz.findFirst({ where: { id } });
      return row ? toQuiz(row) : null;
    },
    attemptOf: (quizId, memberId) => readAttempt(db.prisma, { quizId, memberId }),
    attemptById: (attemptId) => readAttempt(db.prisma, { id: attemptId }),
    start: (quizId, memberId, now, firstOrder) => start(db, quizId, memberId, now, firstOrder),
    settle: (settlement) => settleAnswer(db, settlement),
    rankOf: (attempt) => rankOf(db, attempt),
  };
}

/**
 * The member's one attempt, with its first question sent now. The unique
 * (quiz, member) pair decides a race between two chats of one person: the
 * second finds the first's attempt.
 */
async function start(
  db: Database,
  quizId: string,
  memberId: string,
  now: Date,
  firstOrder: number[],
): Promise<{ attempt: AttemptView; created: boolean }> {
  const id = crypto.randomUUID();
  try {
    await withTransactionRetry(
      db,
      async (tx) => {
        await tx.quizAttempt.create({ data: { id, quizId, memberId, startedAt: now } });
        await tx.quizAnswer.create({
          data: { attemptId: id, questionIndex: 0, optionOrder: JSON.stringify(firstOrder), sentAt: now },
        });
      },
      BUSY_QUIZ,
    );
    return { attempt: (await readAttempt(db.prisma, { id }))!, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await readAttempt(db.prisma, { quizId, memberId });
    if (!existing) throw error;
    return { attempt: existing, created: false };
  }
}

/** Place among finished attempts: better score, or the same score in less time, ranks higher. */
async function rankOf(db: Database, attempt: AttemptView): Promise<{ rank: number; of: number }> {
  const finished = { quizId: attempt.quizId, completedAt: { not: null } };
  const [better, of] = await Promise.all([
    db.prisma.quizAttempt.count({
      where: {
        ...finished,
        OR: [
          { score: { gt: attempt.score } },
          { score: attempt.score, answerMs: { lt: attempt.answerMs } },
          { score: attempt.score, answerMs: attempt.answerMs, completedAt: { lt: attempt.completedAt ?? new Date(0) } },
        ],
      },
    }),
    db.prisma.quizAttempt.count({ where: finished }),
  ]);
  return { rank: better + 1, of: Math.max(of, better + 1) };
}
