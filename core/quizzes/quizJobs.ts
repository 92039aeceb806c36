import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import { closeQuizzes, type QuizJobDeps } from './closeQuizzes.ts';

/** Quizzes past their closing time are closed and their final standings sent. */
export function quizJobs(deps: QuizJobDeps): ScheduledJob[] {
  return [{ name: 'quizzes-close', run: (now) => closeQuizzes(deps, now) }];
}
