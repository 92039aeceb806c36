import type { AssistantDeps } from '../conversation/turn.ts';

/** What the conversation needs of the referral programme. */
export interface Referrals {
  /** The member's invitation code, made (once, race-free) on first use. */
  codeFor(memberId: string): Promise<string>;
}

/** The invitation code a newcomer came with (`/start ref_<code>`), carried by their enrolment. */
export interface ReferralClaim {
  referralCode?: string;
}

/** The assistant's dependencies with the referral programme wired in. */
export type DepsWithReferrals = AssistantDeps & { referrals?: Referrals };

/**
 * The referral programme the composition root handed to the assistant, if
 * any. `AssistantDeps` (core/conversation/turn.ts) does not name it yet, so
 * it travels as an optional extra; once that interface gains `referrals`,
 * this accessor becomes `deps.referrals`.
 */
export function referralsOf(deps: AssistantDeps): Referrals | null {
  return (deps as DepsWithReferrals).referrals ?? null;
}
