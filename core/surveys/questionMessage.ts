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
 * Romanian puts "us" and a name in different places); CSAT with five star
 * buttons, about the visit after a purchase and about the programme when a
 * marketer sends it to everyone (a relationship survey).
 */
export function questionMessage(
  t: Translate,
  question: Pick<SurveyQuestionRecord, 'id' | 'kind' | 'touchpoint' | 'store'>,
  rules: Pick<ProgramRules, 'name'>,
): Outbound {
  if (question.kind === 'nps') {
    const buttons = scores(question.id, 0, 10, String);
    const text = rules.name ? t('surveys.nps.questionNamed', { name: rules.name }) : t('surveys.nps.question');
    return message(text, [buttons.slice(0, 6), buttons.slice(6)]);
  }
  return message(csatText(t, question, rules), [scores(question.id, 1, 5, (score) => `${score}★`)]);
}

/** A relationship CSAT is about the programme as a whole; after a purchase, about the visit (to its store). */
function csatText(
  t: Translate,
  question: Pick<SurveyQuestionRecord, 'touchpoint' | 'store'>,
  rules: Pick<ProgramRules, 'name'>,
): string {
  if (question.touchpoint === 'relationship')
    return rules.name ? t('surveys.csat.relationshipNamed', { name: rules.name }) : t('surveys.csat.relationship');
  return question.store ? t('surveys.csat.questionAt', { store: question.store }) : t('surveys.csat.question');
}

function scores(questionId: string, from: number, to: number, label: (score: number) => string): Button[] {
  const buttons: Button[] = [];
  for (let score = from; score <= to; score += 1)
    buttons.push({ label: label(score), payload: surveyPayload.score(questionId, score) });
  return buttons;
}
