import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import { lotExpiresAt } from '../points/lotExpiresAt.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { ProgramSettings } from '../settings/programSettings.ts';
import { textIn } from './localizedText.ts';
import { leaderboardOf } from './quizResults.ts';
import type { QuizCloseStore, QuizResultRows } from './quizzesPorts.ts';

export interface QuizJobDeps {
  quizzes: QuizCloseStore;
  translator: Translator;
  settings: Pick<ProgramSettings, 'defaultLocale'>;
  loadRules: () => Promise<ProgramRules>;
  log: Logger;
}

const TOP = 10;
const ANNOUNCE_BATCH = 20;

/**
 * Closes quizzes whose time is up (attempts under way end as they stand and
 * earn what they scored), then tells everyone who played the final top 10
 * and their own place. Both steps are conditional writes, so two instances
 * or a run cut short change things once: a quiz closed but not announced is
 * announced by the next run.
 */
export async function closeQuizzes(deps: QuizJobDeps, now: Date): Promise<{ closed: number; announced: number }> {
  const rules = await deps.loadRules();
  const closed = await deps.quizzes.closeDue(now, (at) => lotExpiresAt(rules, at));
  let announced = 0;
  for (const quizId of await deps.quizzes.unannounced(ANNOUNCE_BATCH)) {
    const rows = await deps.quizzes.results(quizId);
    if (!rows) continue;
    if (await deps.quizzes.announce(quizId, finalStandings(deps, rows), now)) announced += 1;
  }
  if (closed > 0 || announced > 0) deps.log.info({ closed, announced }, 'quizzes closed and announced');
  return { closed, announced };
}

/** One message per member who played, in their language, on the "games" topic they can switch off. */
export function finalStandings(
  deps: Pick<QuizJobDeps, 'translator' | 'settings'>,
  rows: QuizResultRows,
): Notification[] {
  const board = leaderboardOf(rows.attempts);
  return rows.attempts
    .filter((attempt) => attempt.completedAt !== null)
    .map((attempt) => {
      const t = deps.translator.forLocale(attempt.locale);
      const top = board
        .slice(0, TOP)
        .map((line) => t('quiz.standingLine', { rank: line.rank, name: line.name, score: line.score }))
        .join('\n');
      const mine = board.find((line) => line.memberId === attempt.memberId)!;
      const text = t('quiz.finalStandings', {
        title: textIn(rows.quiz.title, attempt.locale, deps.settings.defaultLocale),
        top,
        rank: mine.rank,
        of: board.length,
        score: mine.score,
        total: rows.quiz.questions.length,
      });
      return {
        memberId: attempt.memberId,
        dedupeKey: `quiz:${rows.quiz.id}:final:${attempt.memberId}`,
        message: { text },
        topic: 'games' as const,
      };
    });
}
