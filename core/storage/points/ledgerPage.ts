import type { LedgerPage } from '../../points/pointsPorts.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * One page of a member's ledger, newest first. The cursor is the sequence
 * number, which never changes, so pages stay stable while new entries arrive.
 */
export async function ledgerPage(
  db: Database,
  memberId: string,
  page: { limit: number; before?: number },
): Promise<LedgerPage> {
  const rows = await db.prisma.ledgerEntry.findMany({
    where: { memberId, ...(page.before !== undefined && { seq: { lt: page.before } }) },
    orderBy: { seq: 'desc' },
    take: page.limit + 1,
    select: { seq: true, kind: true, delta: true, balanceAfter: true, expiresAt: true, createdAt: true },
  });
  const entries = rows.slice(0, page.limit);
  return { entries, nextBefore: rows.length > page.limit ? entries[entries.length - 1]!.seq : null };
}

/**
 * The member's balance right after a purchase: the last ledger line written
 * by then (the purchase's own, a referral bonus it triggered, or an earlier
 * one when it moved no points). A replayed receipt answers with it, so the
 * replay repeats the first answer. Null when the member has no ledger yet.
 */
export async function balanceAfterPurchase(
  db: Database,
  purchase: { memberId: string; createdAt: Date },
): Promise<number | null> {
  const row = await db.prisma.ledgerEntry.findFirst({
    where: { memberId: purchase.memberId, createdAt: { lte: purchase.createdAt } },
    orderBy: { seq: 'desc' },
    select: { balanceAfter: true },
  });
  return row?.balanceAfter ?? null;
}
