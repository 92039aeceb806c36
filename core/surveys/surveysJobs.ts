import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import { askDueQuestions, type SurveyJobDeps } from './askDueQuestions.ts';

/** Surveys' scheduled jobs: due questions are asked, unanswered ones expire. */
export function surveysJobs(deps: SurveyJobDeps): ScheduledJob[] {
  return [
    { name: 'surveys-ask', run: (now) => askDueQuestions(deps, now) },
    { name: 'surveys-expire', run: (now) => deps.surveys.expire(now, deps.batchSize ?? 500) },
  ];
}
