import type { Locale } from '../i18n/locale.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { Quiz, QuizContent } from './quiz.ts';

export type EditOutcome =
  | { kind: 'saved'; quiz: Quiz }
  | { kind: 'not-found' }
  | { kind: 'closed' }
  /** Someone played it already: its questions and scoring stay as they were. */
  | { kind: 'locked' }
  /** Changed by someone else since `version` was read. */
  | { kind: 'stale' };

export type TransitionOutcome = { kind: 'done' | 'unchanged'; quiz: Quiz } | { kind: 'not-found' } | { kind: 'closed' };

/** What marketers do with quizzes (api/routes/quizRoutes.ts). */
export interface QuizStore {
  create(content: QuizContent, published: boolean, now: Date): Promise<Quiz>;
  list(): Promise<(Quiz & { participants: number })[]>;
  find(id: string): Promise<Quiz | null>;
  /** Replaces the content; refused once anyone played if the questions or scoring would change. */
  edit(id: string, content: QuizContent, now: Date): Promise<EditOutcome>;
  publish(id: string, now: Date): Promise<TransitionOutcome>;
  /** Closes it at once; open attempts end as they stand, and the closing job announces the standings. */
  close(id: string, now: Date, expiresAt: (at: Date) => Date | null): Promise<TransitionOutcome>;
  results(id: string): Promise<QuizResultRows | null>;
}

/** One attempt as the results and the leaderboard read it. */
export interface AttemptRow {
  attemptId: string;
  memberId: string;
  memberName: string;
  locale: Locale;
  score: number;
  answerMs: number;
  points: number;
  completedAt: Date | null;
  finishedBy: 'member' | 'close' | null;
  answers: { questionIndex: number; correct: boolean; timedOut: boolean; answeredMs: number | null }[];
}

export interface QuizResultRows {
  quiz: Quiz;
  attempts: AttemptRow[];
}

/** An attempt as play reads it. */
export interface AttemptView {
  id: string;
  quizId: string;
  memberId: string;
  nextIndex: number;
  score: number;
  answerMs: number;
  points: number;
  completedAt: Date | null;
  /** The question waiting for an answer: sent at, and its order of options. */
  pending: { questionIndex: number; sentAt: Date; order: number[] } | null;
}

/** One question's outcome, written in one transaction with what it causes. */
export interface Settlement {
  attemptId: string;
  questionIndex: number;
  /** The attempt as read with this question pending: it changes only when the question is settled. */
  before: AttemptView;
  /** The quiz's index of the option chosen; null when the time ran out. */
  chosen: number | null;
  correct: boolean;
  timedOut: boolean;
  /** Time counted for the question (its whole limit when it timed out). */
  spentMs: number;
  now: Date;
  /** The next question's order of options; null after the last question, which completes the attempt. */
  next: { order: number[] } | null;
  /** Points for a finished attempt, from its final score. */
  pointsFor: (score: number) => number;
  /** When credited points expire. */
  expiresAt: Date | null;
}

export type SettleOutcome =
  | { kind: 'settled'; attempt: AttemptView; completed: boolean }
  /** The question was answered already (a double tap, a second device): nothing changed. */
  | { kind: 'already' };

/** A quiz open now, for whom (`segmentId`: core/quizzes/quizAudience.ts), and whether the member finished it. */
export type OpenQuiz = Pick<Quiz, 'id' | 'title' | 'segmentId'> & { finished: boolean };

/** What playing in a chat needs (core/quizzes/playQuiz.ts). */
export interface QuizPlayStore {
  /** Published quizzes open at `now`, newest first, and whether the member finished each. */
  openFor(memberId: string, now: Date): Promise<OpenQuiz[]>;
  find(id: string): Promise<Quiz | null>;
  attemptOf(quizId: string, memberId: string): Promise<AttemptView | null>;
  attemptById(attemptId: string): Promise<AttemptView | null>;
  /** Starts the member's one attempt with its first question sent at `now`; the existing attempt when there is one. */
  start(
    quizId: string,
    memberId: string,
    now: Date,
    firstOrder: number[],
  ): Promise<{ attempt: AttemptView; created: boolean }>;
  /**
   * Records a question's outcome once (a second tap finds it answered) and, in
   * the same transaction, sends the next question or completes the attempt
   * and credits its points under the key `quiz:<attemptId>`.
   */
  settle(settlement: Settlement): Promise<SettleOutcome>;
  /** The attempt's place among finished attempts: by score, then total answer time. */
  rankOf(attempt: AttemptView): Promise<{ rank: number; of: number }>;
}

/** What the closing job needs. */
export interface QuizCloseStore {
  /** Closes published quizzes whose `closesAt` passed; returns how many. */
  closeDue(now: Date, expiresAt: (at: Date) => Date | null): Promise<number>;
  /** Closed quizzes whose final standings are not announced yet. */
  unannounced(limit: number): Promise<string[]>;
  results(id: string): Promise<QuizResultRows | null>;
  /** Writes the announcements and marks the quiz announced, in one transaction; false when another run did it. */
  announce(quizId: string, drafts: Notification[], now: Date): Promise<boolean>;
}
