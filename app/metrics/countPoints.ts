import type { PointsService } from '../../core/points/pointsService.ts';
import type { Metrics } from './createMetrics.ts';

/** The points service, counting each purchase and refund by its outcome, whichever channel asked (till chat or REST API). */
export function countPoints(metrics: Metrics, points: PointsService): PointsService {
  return {
    ...points,
    recordPurchase: async (input) => {
      const outcome = await points.recordPurchase(input);
      metrics.purchases.inc({ outcome: outcome.kind });
      return outcome;
    },
    refund: async (purchaseId, refunder) => {
      const outcome = await points.refund(purchaseId, refunder);
      metrics.refunds.inc({ outcome: outcome.kind });
      return outcome;
    },
  };
}
