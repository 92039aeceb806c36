import { InvalidCursorError } from '../../errors.ts';
import type { PurchaseListing } from '../../members/membersPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { decodeCursor, encodeCursor } from './pageCursor.ts';

/** A member's purchases newest first, keyset-paged by (createdAt, id) so new purchases do not shift pages. */
export async function purchasesPage(
  db: Database,
  memberId: string,
  page: { limit: number; cursor?: string },
): Promise<{ purchases: PurchaseListing[]; next: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const at = after && new Date(after[0]);
  if (at && Number.isNaN(at.getTime())) throw new InvalidCursorError();
  const rows = await db.prisma.purchase.findMany({
    where: {
      memberId,
      ...(at && after && { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after[1] } }] }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.limit + 1,
    select: {
      id: true,
      receiptId: true,
      amount: true,
      paidAmount: true,
      discountPercent: true,
      redeemedPoints: true,
      earnedPoints: true,
      freeItem: true,
      source: true,
      createdAt: true,
      refundedAt: true,
      refundShortfall: true,
    },
  });
  const purchases = rows.slice(0, page.limit);
  const last = purchases[purchases.length - 1];
  return {
    purchases,
    next: rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
