/**
 * The survey's buttons: `survey:<question id>:<score>` and
 * `survey:<question id>:skip` (a 36-character id keeps them under
 * Telegram's 64 bytes).
 */
export const SURVEY_SCOPE = 'survey';

export const surveyPayload = {
  score: (questionId: string, score: number) => `${SURVEY_SCOPE}:${questionId}:${score}`,
  skip: (questionId: string) => `${SURVEY_SCOPE}:${questionId}:skip`,
} as const;

export function isSurveyPayload(raw: string): boolean {
  return raw.startsWith(`${SURVEY_SCOPE}:`);
}

export type SurveyPress = { questionId: string; score: number } | { questionId: string; skip: true };

export function parseSurveyPayload(raw: string): SurveyPress | null {
  const [scope, questionId, last, extra] = raw.split(':');
  if (scope !== SURVEY_SCOPE || !questionId || last === undefined || extra !== undefined) return null;
  if (last === 'skip') return { questionId, skip: true };
  if (!/^(10|[0-9])$/.test(last)) return null;
  return { questionId, score: Number(last) };
}
