/**
 * The common reasons for rejecting a contest entry, as keys: Slack's modal
 * and the console offer the same ones. The author reads the reason in their
 * own language (`contests.rejection.<key>`), staff in theirs
 * (`console.contests.reasons.<key>`), whoever decided.
 */
export const REJECTION_REASONS = ['notOwn', 'offTopic', 'inappropriate', 'poorQuality', 'rules'] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

export function isRejectionReason(value: unknown): value is RejectionReason {
  return (REJECTION_REASONS as readonly unknown[]).includes(value);
}
