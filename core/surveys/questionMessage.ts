import type { Translate } from '../i18n/translator.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { Button, Outbound } from '../outbound.ts';
import { message } from '../outbound.ts';
import type { SurveyQuestionRecord } from './surveysPorts.ts';
import { surveyPayload } from './surveyPayloads.ts';

/**
 * The question as the member sees it: NPS with eleven buttons 0–10 in two
 * rows (0–5, 6–10, so a phone shows them without scrolling), naming the
 * programme when the rules give its name (else "us": two sentences, since
 * Romanian puts "us" and a name in different places); CSAT with five star buttons.
 */
export function questionMessage(
  t: Translate,
  question: Pick<SurveyQuestionRecord, 'id' | 'kind' | 'store'>,
  rules: Pick<ProgramRules, 'name'>,
): Outbound {
  if (question.kind === 'nps') {
    const buttons = scores(question.id, 0, 10, String);
    const text = rules.name ? t('surveys.nps.questionNamed', { name: rules.name }) : t('surveys.nps.question');
    return message(text, [buttons.slice(0, 6), buttons.slice(6)]);
  }
  const text = question.store ? t('surveys.csat.questionAt', { store: question.store }) : t('surveys.csat.question');
  return message(text, [scores(question.id, 1, 5, (score) => `${score}★`)]);
}

function scores(questionId: string, from: number, to: number, label: (score: number) => string): Button[] {
  const buttons: Button[] = [];
  for (let score = from; score <= to; score += 1)
    buttons.push({ label: label(score), payload: surveyPayload.score(questionId, score) });
  return buttons;
}
