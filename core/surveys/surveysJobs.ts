import type { DeskDeps } from '../desk/deskPorts.ts';
import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import { askDueQuestions, type SurveyJobDeps } from './askDueQuestions.ts';
import { openSilentDetractorTickets } from './openSilentDetractorTickets.ts';

/**
 * Surveys' scheduled jobs: due questions are asked, unanswered ones expire,
 * and detractors who wrote no comment are handed to the desk (when there is one).
 */
export function surveysJobs(deps: SurveyJobDeps & { desk?: DeskDeps }): ScheduledJob[] {
  const { desk } = deps;
  return [
    { name: 'surveys-ask', run: (now) => askDueQuestions(deps, now) },
    { name: 'surveys-expire', run: (now) => deps.surveys.expire(now, deps.batchSize ?? 500) },
    ...(desk
      ? [{ name: 'surveys-silent-detractors', run: (now: Date) => openSilentDetractorTickets({ ...deps, desk }, now) }]
      : []),
  ];
}
