import type { ProgramRules } from '../program/programRules.ts';
import type { MemberActivity } from './scoringPorts.ts';

/** 1 first visit, 2 first purchase, 3 repeat visits, 4 attachment, 5 loyalty (the seeds' five stages). */
export const customerStages = [1, 2, 3, 4, 5] as const;
export type CustomerStage = (typeof customerStages)[number];

/**
 * How it is computed: 1 joined with no purchase; 2 one purchase; 3 two or
 * more; 4 also at least X purchases in each of the last Y full months (the
 * programme's `attachment` rule); 5 attachment and, in the last year, a
 * promoter or passive NPS answer and no detractor answer.
 */
export function customerStage(activity: MemberActivity, rules: Pick<ProgramRules, 'attachment'>): CustomerStage {
  if (activity.purchases === 0) return 1;
  if (activity.purchases === 1) return 2;
  if (!isAttached(activity, rules.attachment.purchasesPerMonth)) return 3;
  const { positive, detractors } = activity.npsLastYear;
  return positive > 0 && detractors === 0 ? 5 : 4;
}

function isAttached(activity: MemberActivity, perMonth: number): boolean {
  const months = activity.purchasesByMonth;
  return months.length > 0 && months.every((count) => count >= perMonth);
}
