/**
 * Button payloads of quizzes. An answer names the attempt, the question and
 * the position pressed in that member's shuffled order, never an option's
 * identity or whether it is right: the server looks the option up in the
 * order it stored. A UUID keeps it within Telegram's 64 bytes (at most 47).
 */
export const QUIZ_SCOPE = 'quiz';

export const quizPayload = {
  answer: (attemptId: string, questionIndex: number, position: number) =>
    `${QUIZ_SCOPE}:${attemptId}:${questionIndex}:${position}`,
  open: (quizId: string) => `${QUIZ_SCOPE}:open:${quizId}`,
};

export type QuizPress =
  | { kind: 'answer'; attemptId: string; questionIndex: number; position: number }
  | { kind: 'open'; quizId: string }
  | { kind: 'unknown' };

const ID = /^[A-Za-z0-9-]{1,40}$/;

export function parseQuizPayload(raw: string): QuizPress {
  const [scope, a, b, c, extra] = raw.split(':');
  if (scope !== QUIZ_SCOPE || extra !== undefined || !a) return { kind: 'unknown' };
  if (a === 'open' && b && ID.test(b) && c === undefined) return { kind: 'open', quizId: b };
  if (ID.test(a) && /^\d{1,2}$/.test(b ?? '') && /^\d$/.test(c ?? ''))
    return { kind: 'answer', attemptId: a, questionIndex: Number(b), position: Number(c) };
  return { kind: 'unknown' };
}
