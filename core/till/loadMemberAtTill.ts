import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { TillTurn } from './tillTurn.ts';

/**
 * The member as they stand now (points that expired by now already gone),
 * with the rules in force: every screen is drawn from fresh figures, never
 * from what an earlier step saw. Null when the member was erased meanwhile.
 */
export async function loadMemberAtTill(
  turn: TillTurn,
  memberId: string,
): Promise<{ member: MemberRecord; rules: ProgramRules } | null> {
  const [member, rules] = await Promise.all([turn.deps.points.currentMember(memberId), turn.deps.points.rules()]);
  return member && { member, rules };
}
