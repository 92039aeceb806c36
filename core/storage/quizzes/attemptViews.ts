import type { AttemptView } from '../../quizzes/quizzesPorts.ts';
import type { Tx } from '../db/openDatabase.ts';

type Reader = Pick<Tx, 'quizAttempt'>;

const withPending = {
  answers: { where: { answeredAt: null }, orderBy: { questionIndex: 'asc' as const }, take: 1 },
};

/** An attempt with the question waiting for its answer, if any. */
export async function readAttempt(db: Reader, where: { id: string } | { quizId: string; memberId: string }) {
  // findFirst, not findUnique: Prisma merges simultaneous findUnique calls into one query, which a
  // thousand members answering at once push past SQLite's limit on query parameters.
  const row = await db.quizAttempt.findFirst({ where, include: withPending });
  return row ? toAttemptView(row) : null;
}

type AttemptRow = NonNullable<Awaited<ReturnType<Reader['quizAttempt']['findFirst']>>> & {
  answers: { questionIndex: number; sentAt: Date; optionOrder: string }[];
};

function toAttemptView(row: AttemptRow): AttemptView {
  const pending = row.completedAt ? undefined : row.answers[0];
  return {
    id: row.id,
    quizId: row.quizId,
    memberId: row.memberId,
    nextIndex: row.nextIndex,
    score: row.score,
    answerMs: row.answerMs,
    points: row.points,
    completedAt: row.completedAt,
    pending: pending
      ? {
          questionIndex: pending.questionIndex,
          sentAt: pending.sentAt,
          order: JSON.parse(pending.optionOrder) as number[],
        }
      : null,
  };
}
