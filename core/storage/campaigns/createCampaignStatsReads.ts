import { recipientOutcomes } from '../../campaigns/campaign.ts';
import type { CampaignCounts, CampaignPurchases, CampaignStatsReads } from '../../campaigns/campaignsPorts.ts';
import type { Database } from '../db/openDatabase.ts';

type Group = CampaignPurchases['recipients'];

export function createCampaignStatsReads(db: Database): CampaignStatsReads {
  const { prisma } = db;
  return {
    counts: async (campaignId) => {
      const [outcomes, statuses, receipts, pressed, lostChats] = await Promise.all([
        // Every outcome by name: the recipients' index leads with it, so each is counted in its own range of the index.
        prisma.campaignRecipient.groupBy({
          by: ['outcome'],
          where: { outcome: { in: [...recipientOutcomes] }, campaignId },
          _count: { _all: true },
        }),
        prisma.outboxMessage.groupBy({ by: ['status'], where: { campaignId }, _count: { _all: true } }),
        prisma.outboxMessage.aggregate({ where: { campaignId }, _count: { deliveredAt: true, seenAt: true } }),
        prisma.campaignRecipient.count({ where: { campaignId, pressedAt: { not: null } } }),
        // A message that failed because its chat is gone (the bot was blocked) is unreachable, not failed.
        prisma.$queryRaw<Array<{ n: bigint | number }>>`
          SELECT COUNT(*) AS "n" FROM "OutboxMessage" o
          JOIN "Chat" c ON c."channel" = o."channel" AND c."address" = o."address"
          WHERE o."campaignId" = ${campaignId} AND o."status" = 'failed' AND c."unreachableAt" IS NOT NULL`,
      ]);
      const outcome = (name: string) => outcomes.find((row) => row.outcome === name)?._count._all ?? 0;
      const status = (...names: string[]) =>
        statuses.filter((row) => names.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
      const unreachableSends = Number(lostChats[0]?.n ?? 0);
      const counts: CampaignCounts = {
        segment: outcomes.reduce((sum, row) => sum + row._count._all, 0),
        notOptedIn: outcome('not-opted-in'),
        heldOut: outcome('held-out'),
        capped: outcome('capped'),
        muted: outcome('muted'),
        // Whoever is not decided yet is as good as queued: the sum holds at every moment.
        queued: outcome('pending') + status('pending', 'sending', 'paused'),
        sent: status('sent'),
        delivered: receipts._count.deliveredAt,
        seen: receipts._count.seenAt,
        failed: status('failed') - unreachableSends,
        unreachable: outcome('unreachable') + unreachableSends,
        cancelled: outcome('cancelled') + status('cancelled'),
        buttonPresses: pressed,
      };
      return counts;
    },
    purchases: async (campaignId, from, until) => {
      const rows = await prisma.$queryRaw<
        Array<{ outcome: string; members: bigint | number; buyers: bigint | number; spend: unknown; points: unknown }>
      >`
        SELECT r."outcome" AS "outcome", COUNT(DISTINCT r."memberId") AS "members", COUNT(DISTINCT p."memberId") AS "buyers",
               COALESCE(SUM(p."amount"), 0) AS "spend", COALESCE(SUM(p."redeemedPoints"), 0) AS "points"
        FROM "CampaignRecipient" r
        LEFT JOIN "Purchase" p ON p."memberId" = r."memberId" AND p."createdAt" >= ${from} AND p."createdAt" < ${until}
                               AND p."refundedAt" IS NULL
        WHERE r."campaignId" = ${campaignId} AND r."outcome" IN ('queued', 'held-out')
        GROUP BY r."outcome"`;
      const group = (outcome: string): Group => {
        const row = rows.find((one) => one.outcome === outcome);
        return {
          members: Number(row?.members ?? 0),
          buyers: Number(row?.buyers ?? 0),
          spend: Number(row?.spend ?? 0),
          pointsRedeemed: Number(row?.points ?? 0),
        };
      };
      return { recipients: group('queued'), holdout: group('held-out') };
    },
  };
}
