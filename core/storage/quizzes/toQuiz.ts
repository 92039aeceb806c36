import type { LocalizedText, Quiz, QuizContent, QuizQuestion, QuizState } from '../../quizzes/quiz.ts';
import type { Quiz as QuizRow } from '../generated/sqlite/client.ts';

export function toQuiz(row: QuizRow): Quiz {
  return {
    id: row.id,
    title: JSON.parse(row.title) as LocalizedText,
    ...(row.intro ? { intro: JSON.parse(row.intro) as LocalizedText } : {}),
    questions: JSON.parse(row.questions) as QuizQuestion[],
    pointsPerCorrect: row.pointsPerCorrect,
    perfectBonus: row.perfectBonus,
    secondsPerQuestion: row.secondsPerQuestion,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    segmentId: row.segmentId,
    state: row.state as QuizState,
    version: row.version,
    publishedAt: row.publishedAt,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A quiz's content as its row's columns: texts and questions as JSON. */
export function contentColumns(content: QuizContent) {
  return {
    title: JSON.stringify(content.title),
    intro: content.intro ? JSON.stringify(content.intro) : null,
    questions: JSON.stringify(content.questions),
    pointsPerCorrect: content.pointsPerCorrect,
    perfectBonus: content.perfectBonus,
    secondsPerQuestion: content.secondsPerQuestion,
    opensAt: content.opensAt,
    closesAt: content.closesAt,
    segmentId: content.segmentId ?? null,
  };
}
