import type { Database } from '../core/storage/db/openDatabase.ts';
import { createSurveyReports } from '../core/storage/surveys/createSurveyReports.ts';
import { createSurveySending } from '../core/storage/surveys/sendRelationshipSurvey.ts';
import type { SurveyReports, SurveySending } from '../core/surveys/surveysPorts.ts';

/** What the REST API needs of surveys: the reports and relationship surveys. */
export function surveysApiOf(db: Database): { reports: SurveyReports; sending: SurveySending } {
  return { reports: createSurveyReports(db), sending: createSurveySending(db) };
}
