import { lotExpiresAt } from '../points/lotExpiresAt.ts';
import type { ProgramRules } from '../program/programRules.ts';

/** The welcome bonus a member enrolled at `at` is credited, or null when the programme gives none. */
export function welcomeBonus(
  rules: Pick<ProgramRules, 'welcomeBonus' | 'pointsLifetimeDays'>,
  at: Date,
): { points: number; expiresAt: Date | null } | null {
  return rules.welcomeBonus > 0 ? { points: rules.welcomeBonus, expiresAt: lotExpiresAt(rules, at) } : null;
}

/** The welcome bonus credited when the card is issued; null when it waits for the first purchase (or there is none). */
export function welcomeBonusAtEnrolment(
  rules: Pick<ProgramRules, 'welcomeBonus' | 'pointsLifetimeDays' | 'welcomeBonusRequires'>,
  phoneVerified: boolean,
  at: Date,
): { points: number; expiresAt: Date | null } | null {
  return phoneVerified && rules.welcomeBonusRequires === 'verified-phone' ? welcomeBonus(rules, at) : null;
}
