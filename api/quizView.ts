import { z } from 'zod';
import type { Quiz } from '../core/quizzes/quiz.ts';
import { missingLanguageWarnings } from '../core/quizzes/quizSchema.ts';
import type { QuizResults } from '../core/quizzes/quizResults.ts';
import { timestamp } from './fields.ts';

const text = z.record(z.string(), z.string()).meta({ description: 'A text by language (ru, ro, en).' });

export const quizViewSchema = z.object({
  id: z.string(),
  state: z.enum(['draft', 'published', 'closed']),
  version: z.number().int(),
  title: text,
  intro: text.optional(),
  questions: z.array(
    z.object({
      text,
      options: z.array(text),
      correct: z.array(z.number().int()),
      explanation: text.optional(),
      imageUrl: z.url().optional().meta({ description: 'The picture shown with the question, an https:// address.' }),
    }),
  ),
  pointsPerCorrect: z.number().int(),
  perfectBonus: z.number().int(),
  secondsPerQuestion: z.number().int(),
  opensAt: timestamp,
  closesAt: timestamp,
  segmentId: z.string().nullable().meta({ description: 'The audience: a saved segment, or null for every member.' }),
  publishedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  participants: z.number().int().optional().meta({ description: 'Members who started it (lists only).' }),
  warnings: z
    .array(z.object({ pointer: z.string(), missing: z.array(z.string()) }))
    .meta({ description: "Texts missing a language: members of that language see the programme's default." }),
});

export function quizView(quiz: Quiz & { participants?: number }): z.input<typeof quizViewSchema> {
  return {
    id: quiz.id,
    state: quiz.state,
    version: quiz.version,
    title: quiz.title,
    ...(quiz.intro ? { intro: quiz.intro } : {}),
    questions: quiz.questions,
    pointsPerCorrect: quiz.pointsPerCorrect,
    perfectBonus: quiz.perfectBonus,
    secondsPerQuestion: quiz.secondsPerQuestion,
    opensAt: quiz.opensAt.toISOString(),
    closesAt: quiz.closesAt.toISOString(),
    segmentId: quiz.segmentId ?? null,
    publishedAt: quiz.publishedAt?.toISOString() ?? null,
    closedAt: quiz.closedAt?.toISOString() ?? null,
    createdAt: quiz.createdAt.toISOString(),
    updatedAt: quiz.updatedAt.toISOString(),
    ...(quiz.participants !== undefined ? { participants: quiz.participants } : {}),
    warnings: missingLanguageWarnings(quiz),
  };
}

export const quizResultsSchema = z.object({
  participants: z.number().int(),
  completed: z.number().int().meta({ description: 'Members who answered (or timed out on) every question.' }),
  completionRate: z.number(),
  pointsAwarded: z.number().int(),
  leaderboard: z.array(
    z.object({
      rank: z.number().int(),
      memberId: z.string(),
      name: z.string().meta({ description: 'Short name: first name and initial ("Ana P.").' }),
      score: z.number().int(),
      points: z.number().int(),
      seconds: z.number().meta({ description: 'Total answer time.' }),
    }),
  ),
  questions: z.array(
    z.object({
      index: z.number().int(),
      answered: z.number().int(),
      correctShare: z.number(),
      averageSeconds: z.number().nullable().meta({ description: 'Of the answers given in time; null with none.' }),
    }),
  ),
  scoreDistribution: z.array(z.object({ score: z.number().int(), members: z.number().int() })),
});

/** The leaderboard as CSV (RFC 4180), for a spreadsheet. */
export function resultsCsv(results: QuizResults): string {
  const header = ['rank', 'memberId', 'name', 'score', 'points', 'seconds'];
  const rows = results.leaderboard.map((line) => [
    line.rank,
    line.memberId,
    line.name,
    line.score,
    line.points,
    line.seconds,
  ]);
  return [header, ...rows].map((row) => row.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
