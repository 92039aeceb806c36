import type { Quiz } from './quiz.ts';
import type { AttemptRow, QuizResultRows } from './quizzesPorts.ts';
import { shortName } from './shortName.ts';

export interface LeaderboardLine {
  rank: number;
  memberId: string;
  name: string;
  score: number;
  points: number;
  seconds: number;
}

export interface QuizResults {
  participants: number;
  completed: number;
  /** completed / participants, 0 with nobody yet. */
  completionRate: number;
  pointsAwarded: number;
  leaderboard: LeaderboardLine[];
  questions: { index: number; answered: number; correctShare: number; averageSeconds: number | null }[];
  /** How many finished attempts got each score, 0 to the number of questions. */
  scoreDistribution: { score: number; members: number }[];
}

/** Better first: the higher score, then the shorter total answer time, then who finished first. */
export function byStanding(a: AttemptRow, b: AttemptRow): number {
  return (
    b.score - a.score ||
    a.answerMs - b.answerMs ||
    (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0) ||
    a.attemptId.localeCompare(b.attemptId)
  );
}

/** The standings of finished attempts, best first, with short names only. */
export function leaderboardOf(attempts: AttemptRow[]): LeaderboardLine[] {
  return attempts
    .filter((attempt) => attempt.completedAt !== null)
    .sort(byStanding)
    .map((attempt, place) => ({
      rank: place + 1,
      memberId: attempt.memberId,
      name: shortName(attempt.memberName),
      score: attempt.score,
      points: attempt.points,
      seconds: Math.round(attempt.answerMs / 100) / 10,
    }));
}

/**
 * What the results page shows: how many played and finished, the points
 * given, the leaderboard, and per question the share answered correctly and
 * the average time of those who answered in time, so the hardest stands out.
 */
export function quizResults({ quiz, attempts }: QuizResultRows): QuizResults {
  const finished = attempts.filter((attempt) => attempt.completedAt !== null);
  const completed = finished.filter((attempt) => attempt.finishedBy === 'member').length;
  return {
    participants: attempts.length,
    completed,
    completionRate: attempts.length === 0 ? 0 : round(completed / attempts.length, 4),
    pointsAwarded: attempts.reduce((sum, attempt) => sum + attempt.points, 0),
    leaderboard: leaderboardOf(attempts),
    questions: questionFigures(quiz, attempts),
    scoreDistribution: quiz.questions
      .map((_, index) => index)
      .concat(quiz.questions.length)
      .map((score) => ({ score, members: finished.filter((attempt) => attempt.score === score).length })),
  };
}

function questionFigures(quiz: Quiz, attempts: AttemptRow[]): QuizResults['questions'] {
  return quiz.questions.map((_, index) => {
    const answers = attempts.flatMap((attempt) =>
      attempt.answers.filter(
        (answer) => answer.questionIndex === index && (answer.timedOut || answer.answeredMs !== null),
      ),
    );
    const inTime = answers.filter((answer) => !answer.timedOut && answer.answeredMs !== null);
    const totalMs = inTime.reduce((sum, answer) => sum + (answer.answeredMs ?? 0), 0);
    return {
      index,
      answered: answers.length,
      correctShare:
        answers.length === 0 ? 0 : round(answers.filter((answer) => answer.correct).length / answers.length, 4),
      averageSeconds: inTime.length === 0 ? null : round(totalMs / inTime.length / 1000, 1),
    };
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
