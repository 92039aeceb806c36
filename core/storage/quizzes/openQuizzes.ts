import type { Quiz } from '../../quizzes/quiz.ts';
import type { Database } from '../db/openDatabase.ts';

type OpenQuiz = Pick<Quiz, 'id' | 'title' | 'opensAt' | 'closesAt' | 'segmentId'>;

/** Published quizzes change rarely and every member turn asks for them: one read serves this long. */
const FRESH_MS = 2_000;

const caches = new WeakMap<Database, { at: number; quizzes: Promise<OpenQuiz[]> }>();

/**
 * The published quizzes, cached per database for a moment so the menu of a
 * busy programme with no quiz running costs no query per turn. A change
 * made through this process forgets the cache at once; another instance's
 * change shows within FRESH_MS.
 */
export function publishedQuizzes(db: Database): Promise<OpenQuiz[]> {
  const cached = caches.get(db);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.quizzes;
  const quizzes = db.prisma.quiz
    .findMany({
      where: { state: 'published' },
      select: { id: true, title: true, opensAt: true, closesAt: true, segmentId: true },
      orderBy: { opensAt: 'desc' },
    })
    .then((rows) => rows.map((row) => ({ ...row, title: JSON.parse(row.title) as Quiz['title'] })));
  caches.set(db, { at: Date.now(), quizzes });
  quizzes.catch(() => caches.delete(db));
  return quizzes;
}

export function forgetPublishedQuizzes(db: Database): void {
  caches.delete(db);
}
