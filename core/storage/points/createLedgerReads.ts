import type { LedgerReads } from '../../points/pointsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { balanceAfterPurchase, ledgerPage } from './ledgerPage.ts';

/** The core's `LedgerReads` on Prisma: a member's latest lines and what is about to expire. */
export function createLedgerReads(db: Database): LedgerReads {
  const prisma = db.prisma;
  return {
    ledgerPage: (memberId, page) => ledgerPage(db, memberId, page),
    balanceAfterPurchase: (purchase) => balanceAfterPurchase(db, purchase),
    recentLedger: (memberId, limit) =>
      prisma.ledgerEntry.findMany({
        where: { memberId },
        orderBy: { seq: 'desc' },
        take: limit,
        select: { kind: true, delta: true, balanceAfter: true, createdAt: true },
      }),
    pointsExpiringBefore: async (memberId, before) => {
      const result = await prisma.ledgerEntry.aggregate({
        where: { memberId, remaining: { gt: 0 }, expiresAt: { not: null, lt: before } },
        _sum: { remaining: true },
        _min: { expiresAt: true },
      });
      return { points: result._sum.remaining ?? 0, firstExpiry: result._min.expiresAt ?? null };
    },
  };
}
