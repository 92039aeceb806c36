import type { ProgramRules } from '../program/programRules.ts';
import { afterQuietHours, localDay, startOfNextDay } from '../program/quietHours.ts';
import type { SurveyKind } from './surveyScores.ts';

/** What is known about a member's past questions when one of theirs falls due. */
export interface AskingFacts {
  kind: SurveyKind;
  /** The touch point of the due question: the throttle of a purchase CSAT is its own. */
  touchpoint: 'purchase' | 'desk' | 'relationship';
  /** When a question of the same throttle (kind, and for CSAT the touch point) was last asked. */
  lastAskedOfKind: Date | null;
  /** When any question was last asked. */
  lastAskedAny: Date | null;
  /** Whether another question of theirs is asked and still open (neither answered nor expired). */
  openQuestion: boolean;
}

export type AskingDecision =
  { ask: true; expiresAt: Date } | { ask: false; waitUntil: Date } | { ask: false; skip: 'throttled' };

/**
 * Whether a due question goes out now. Respect for the member, in order:
 * the throttle (one NPS per `minDaysBetween`) drops it; a question asked
 * today or still open, or the quiet hours, make it wait.
 */
export function decideAsking(facts: AskingFacts, rules: ProgramRules, now: Date, timezone: string): AskingDecision {
  if (throttled(facts, rules, now)) return { ask: false, skip: 'throttled' };
  if (facts.openQuestion) return { ask: false, waitUntil: startOfNextDay(now, timezone) };
  if (facts.lastAskedAny && localDay(facts.lastAskedAny, timezone) === localDay(now, timezone))
    return { ask: false, waitUntil: afterQuietHours(startOfNextDay(now, timezone), timezone, rules.quietHours) };
  const allowed = afterQuietHours(now, timezone, rules.quietHours);
  if (allowed.getTime() > now.getTime()) return { ask: false, waitUntil: allowed };
  return { ask: true, expiresAt: new Date(now.getTime() + rules.nps.expiresAfterDays * DAY_MS) };
}

/** When a purchase's question falls due: N days after it, out of the quiet hours. */
export function dueAfterPurchase(kind: SurveyKind, at: Date, rules: ProgramRules, timezone: string): Date {
  const days = kind === 'nps' ? rules.nps.afterPurchaseDays : rules.csat.afterPurchaseDays;
  return afterQuietHours(new Date(at.getTime() + days * DAY_MS), timezone, rules.quietHours);
}

function throttled(facts: AskingFacts, rules: ProgramRules, now: Date): boolean {
  if (!facts.lastAskedOfKind) return false;
  const days = facts.kind === 'nps' ? rules.nps.minDaysBetween : rules.csat.minDaysBetween;
  return now.getTime() - facts.lastAskedOfKind.getTime() < days * DAY_MS;
}

const DAY_MS = 86_400_000;
