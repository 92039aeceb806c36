import type { MemberReference } from '../points/pointsPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';

/**
 * Whether points may be spent on a member named by `reference`. A phone
 * number is known to many, so by default only the one-time code (shown on
 * the member's own screen) spends; earning is open to every reference.
 */
export function mayRedeemWith(rules: Pick<ProgramRules, 'redeemRequires'>, reference: MemberReference): boolean {
  if ('code' in reference) return true;
  if ('cardNumber' in reference) return rules.redeemRequires !== 'code';
  return rules.redeemRequires === 'any';
}
