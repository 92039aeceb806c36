import type { ProgramRules } from '../program/programRules.ts';
import { customerStage } from './customerStage.ts';
import { latestEmotion, loyaltyQuadrant, median } from './loyaltyQuadrant.ts';
import { quintileScores, rfmSegment } from './rfmSegments.ts';
import { daysSince, type ScoringWindows } from './scoringCalendar.ts';
import type { MemberActivity, MemberScore } from './scoringPorts.ts';

/**
 * Every member's stage, quadrant and RFM scores at `windows.asOf`. The
 * quadrant's median and the RFM quintiles are over the members given, so
 * the whole membership is scored at once.
 */
export function scoreMembers(
  activities: readonly MemberActivity[],
  rules: Pick<ProgramRules, 'attachment'>,
  windows: ScoringWindows,
  timezone: string,
): MemberScore[] {
  const perMonth = activities.map((activity) => activity.purchasesLastYear / 12);
  const middle = median(perMonth.filter((value) => value > 0));
  const daysAgo = daysSince(windows.asOf, timezone);
  const rfm = rfmOf(activities, daysAgo);
  return activities.map((activity, i) => {
    const emotion = latestEmotion(activity);
    const last = activity.lastPurchaseAt;
    return {
      memberId: activity.memberId,
      stage: customerStage(activity, rules),
      rfm: rfm.get(activity.memberId) ?? null,
      quadrant: loyaltyQuadrant(emotion, perMonth[i]!, middle),
      purchasesPerMonth: perMonth[i]!,
      purchases: activity.purchases,
      spend: activity.spend,
      daysSinceLastPurchase: last ? daysAgo(last) : null,
      emotional: emotion,
    };
  });
}

/**
 * How it is computed: over members with a purchase, recency (days since the
 * last, fewer is better), frequency (purchases) and monetary (spend) are each
 * scored 1–5 by quintile; the segment comes from R and ⌈(F + M) / 2⌉.
 */
function rfmOf(
  activities: readonly MemberActivity[],
  daysAgo: (then: Date) => number,
): Map<string, MemberScore['rfm']> {
  const buyers = activities.filter((activity) => activity.purchases > 0 && activity.lastPurchaseAt);
  // Fewer days since the last purchase is better, so recency ranks the negated days.
  const recency = quintileScores(buyers.map((buyer) => -daysAgo(buyer.lastPurchaseAt!)));
  const frequency = quintileScores(buyers.map((buyer) => buyer.purchases));
  const monetary = quintileScores(buyers.map((buyer) => buyer.spend));
  return new Map(
    buyers.map((buyer, i) => {
      const [r, f, m] = [recency[i]!, frequency[i]!, monetary[i]!];
      return [buyer.memberId, { recency: r, frequency: f, monetary: m, segment: rfmSegment(r, f, m) }];
    }),
  );
}
