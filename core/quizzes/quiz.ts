import type { Locale } from '../i18n/locale.ts';

/** A text in the programme's languages; a missing one falls back (localizedText.ts). */
export type LocalizedText = Partial<Record<Locale, string>>;

export interface QuizQuestion {
  text: LocalizedText;
  /** 2–6 options, in the order the marketer wrote them; each member sees them shuffled. */
  options: LocalizedText[];
  /** Indexes into `options` of every option that counts as correct. */
  correct: number[];
  explanation?: LocalizedText;
  /** A picture shown with the question, by URL. */
  imageUrl?: string;
}

export const quizStates = ['draft', 'published', 'closed'] as const;
export type QuizState = (typeof quizStates)[number];

/** What a marketer writes: the texts, the questions and the rules. */
export interface QuizContent {
  title: LocalizedText;
  intro?: LocalizedText;
  questions: QuizQuestion[];
  pointsPerCorrect: number;
  perfectBonus: number;
  secondsPerQuestion: number;
  opensAt: Date;
  closesAt: Date;
  /** The audience: a saved segment's members only; absent or null, every member. */
  segmentId?: string | null;
}

export interface Quiz extends QuizContent {
  id: string;
  state: QuizState;
  /** Bumped by every change, so an edit made against an old copy is refused. */
  version: number;
  publishedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Whether a member may play it at `now`: published and within its window. */
export function isOpen(quiz: Pick<Quiz, 'state' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return quiz.state === 'published' && quiz.opensAt <= now && now < quiz.closesAt;
}

/** The points an attempt earns: per correct answer, and the bonus when every answer was right. */
export function pointsFor(quiz: Pick<Quiz, 'pointsPerCorrect' | 'perfectBonus' | 'questions'>, score: number): number {
  const perfect = score === quiz.questions.length ? quiz.perfectBonus : 0;
  return score * quiz.pointsPerCorrect + perfect;
}

/** The part of a quiz that playing depends on: once anyone played, it stays as it was. */
export function scoringOf(quiz: QuizContent): unknown {
  const { questions, pointsPerCorrect, perfectBonus, secondsPerQuestion } = quiz;
  return { questions, pointsPerCorrect, perfectBonus, secondsPerQuestion };
}
