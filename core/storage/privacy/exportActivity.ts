import { z } from 'zod';
import { isLocale, locales, type Locale } from '../../i18n/locale.ts';
import { parseStoredJson } from '../../parseStoredJson.ts';
import { textIn } from '../../quizzes/localizedText.ts';
import type { QuizAttemptExport, SurveyAnswerExport } from '../../privacy/privacyPorts.ts';
import type { Tx } from '../db/openDatabase.ts';

/** Only how many questions a quiz had is read here; what they say is the quiz's, not the person's. */
const questionList = z.array(z.unknown());
const localizedTitle = z.partialRecord(z.enum(locales), z.string());

/**
 * What the person did in surveys and quizzes, for their export: each answer
 * they gave (questions never answered say nothing of them) and each quiz
 * they played (its title in the member's language), in the caller's transaction.
 */
export async function exportActivity(
  tx: Tx,
  member: { id: string; locale: string },
): Promise<{ surveyAnswers: SurveyAnswerExport[]; quizAttempts: QuizAttemptExport[] }> {
  const answers = await tx.surveyQuestion.findMany({
    where: { memberId: member.id, status: 'answered', score: { not: null }, answeredAt: { not: null } },
    orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    select: { kind: true, touchpoint: true, store: true, score: true, comment: true, answeredAt: true },
  });
  const attempts = await tx.quizAttempt.findMany({
    where: { memberId: member.id },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    select: {
      score: true,
      points: true,
      startedAt: true,
      completedAt: true,
      quiz: { select: { title: true, questions: true } },
    },
  });
  const locale: Locale = isLocale(member.locale) ? member.locale : 'ru';
  return {
    surveyAnswers: answers.map((answer) => ({ ...answer, score: answer.score!, answeredAt: answer.answeredAt! })),
    quizAttempts: attempts.map(({ quiz, ...attempt }) => ({
      quizTitle: textIn(parseStoredJson(localizedTitle, quiz.title) ?? undefined, locale, locale),
      score: attempt.score,
      questions: parseStoredJson(questionList, quiz.questions)?.length ?? 0,
      points: attempt.points,
      startedAt: attempt.startedAt,
      completedAt: attempt.completedAt,
    })),
  };
}
