import type { JobDeps } from '../jobs/jobsPorts.ts';
import { decideAsking } from './askingPolicy.ts';
import { questionMessage } from './questionMessage.ts';
import { localDay } from '../program/quietHours.ts';
import type { SurveyStore } from './surveysPorts.ts';

export type SurveyJobDeps = JobDeps & { surveys: SurveyStore };

/**
 * Asks the questions that fell due, each as the asking policy decides:
 * now, later (quiet hours, a question already asked today or still open),
 * or not at all (the throttle). Idempotent: asking is conditional on the
 * question still being scheduled.
 */
export async function askDueQuestions(deps: SurveyJobDeps, now: Date): Promise<{ asked: number }> {
  const { surveys, translator, settings } = deps;
  const rules = await deps.loadRules();
  let asked = 0;
  for (const question of await surveys.due(now, deps.batchSize ?? 200)) {
    const facts = await surveys.askingFacts(question, now);
    const decision = decideAsking(
      { kind: question.kind, touchpoint: question.touchpoint, ...facts },
      rules,
      now,
      settings.timezone,
    );
    if (decision.ask) {
      const t = translator.forLocale(question.locale);
      const day = localDay(now, settings.timezone);
      const status = await surveys.ask(question.id, questionMessage(t, question, rules), now, decision.expiresAt, day);
      if (status === 'asked') asked += 1;
    } else if ('skip' in decision) await surveys.skip(question.id);
    else await surveys.postpone(question.id, decision.waitUntil);
  }
  if (asked > 0) deps.log.info({ asked }, 'surveys: questions asked');
  return { asked };
}
