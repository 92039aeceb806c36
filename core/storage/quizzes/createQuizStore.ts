import { scoringOf, type QuizContent } from '../../quizzes/quiz.ts';
import type { EditOutcome, QuizStore, TransitionOutcome } from '../../quizzes/quizzesPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { closeQuizInTransaction } from './closeQuiz.ts';
import { forgetPublishedQuizzes } from './openQuizzes.ts';
import { resultRows } from './resultRows.ts';
import { contentColumns, toQuiz } from './toQuiz.ts';

export function createQuizStore(db: Database): QuizStore {
  const find = async (id: string) => {
    const row = await db.prisma.quiz.findUnique({ where: { id } });
    return row ? toQuiz(row) : null;
  };
  return {
    create: async (content, published, now) => {
      const row = await db.prisma.quiz.create({
        data: {
          id: crypto.randomUUID(),
          ...contentColumns(content),
          state: published ? 'published' : 'draft',
          publishedAt: published ? now : null,
          createdAt: now,
        },
      });
      if (published) forgetPublishedQuizzes(db);
      return toQuiz(row);
    },
    list: async () => {
      const rows = await db.prisma.quiz.findMany({
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        include: { _count: { select: { attempts: true } } },
      });
      return rows.map((row) => ({ ...toQuiz(row), participants: row._count.attempts }));
    },
    find,
    edit: (id, content, now) => edit(db, id, content, now),
    publish: async (id, now) => {
      const done = await db.prisma.quiz.updateMany({
        where: { id, state: 'draft' },
        data: { state: 'published', publishedAt: now, version: { increment: 1 } },
      });
      forgetPublishedQuizzes(db);
      return transitionOutcome(await find(id), done.count === 1, 'published');
    },
    close: async (id, now, expiresAt) => {
      const quiz = await find(id);
      // A draft nobody could play closes without the attempts' round.
      if (quiz?.state === 'draft')
        await db.prisma.quiz.updateMany({
          where: { id, state: 'draft' },
          data: { state: 'closed', closedAt: now, announcedAt: now, version: { increment: 1 } },
        });
      const closed =
        quiz?.state === 'published' &&
        (await withTransactionRetry(db, (tx) => closeQuizInTransaction(tx, id, now, expiresAt), {
          timeout: 60_000,
          maxWait: 10_000,
        }));
      forgetPublishedQuizzes(db);
      const after = await find(id);
      if (!after) return { kind: 'not-found' };
      return { kind: closed || quiz?.state === 'draft' ? 'done' : 'unchanged', quiz: after };
    },
    results: (id) => resultRows(db, id),
  };
}

function transitionOutcome(
  quiz: Awaited<ReturnType<QuizStore['find']>>,
  changed: boolean,
  target: 'published',
): TransitionOutcome {
  if (!quiz) return { kind: 'not-found' };
  if (quiz.state === 'closed') return { kind: 'closed' };
  return { kind: changed && quiz.state === target ? 'done' : 'unchanged', quiz };
}

/**
 * A change of content, conditional on the version read. Once anyone played,
 * the questions and the scoring are fixed: the change is refused unless it
 * leaves them exactly as they were (a typo in the title can still be fixed).
 */
async function edit(db: Database, id: string, content: QuizContent, now: Date): Promise<EditOutcome> {
  const outcome = await withTransactionRetry(db, async (tx): Promise<EditOutcome> => {
    const row = await tx.quiz.findUnique({ where: { id }, include: { _count: { select: { attempts: true } } } });
    if (!row) return { kind: 'not-found' };
    const current = toQuiz(row);
    if (current.state === 'closed') return { kind: 'closed' };
    const played = row._count.attempts > 0;
    if (played && JSON.stringify(scoringOf(current)) !== JSON.stringify(scoringOf(content))) return { kind: 'locked' };
    const saved = await tx.quiz.updateMany({
      where: { id, version: current.version },
      data: { ...contentColumns(content), version: { increment: 1 }, updatedAt: now },
    });
    if (saved.count === 0) return { kind: 'stale' };
    return { kind: 'saved', quiz: toQuiz((await tx.quiz.findUnique({ where: { id } }))!) };
  });
  forgetPublishedQuizzes(db);
  return outcome;
}
