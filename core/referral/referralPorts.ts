/** What the conversation needs of the referral programme. */
export interface Referrals {
  /** The member's invitation code, made (once, race-free) on first use. */
  codeFor(memberId: string): Promise<string>;
}

/** The invitation code a newcomer came with (`/start ref_<code>`), carried by their enrolment. */
export interface ReferralClaim {
  referralCode?: string;
}
