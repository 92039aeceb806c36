import { daysAfter } from '../program/days.ts';
import type { ProgramRules } from '../program/programRules.ts';

/** When points credited at `at` expire under the programme's rules; null when points never expire (lifetime 0). */
export function lotExpiresAt(rules: Pick<ProgramRules, 'pointsLifetimeDays'>, at: Date): Date | null {
  return rules.pointsLifetimeDays === 0 ? null : daysAfter(at, rules.pointsLifetimeDays);
}
