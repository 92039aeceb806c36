import type { PayloadKind } from '../menu/menuPorts.ts';
import { answerSurvey } from './answerSurvey.ts';
import { SURVEY_SCOPE } from './surveyPayloads.ts';

/** Surveys' buttons: a score, or Skip under a follow-up question. */
export const surveysPayloadKinds: PayloadKind[] = [{ scope: SURVEY_SCOPE, answer: answerSurvey }];
