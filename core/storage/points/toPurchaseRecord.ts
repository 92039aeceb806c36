import type { Purchase } from '../generated/sqlite/client.ts';
import type { PurchaseRecord } from '../../points/pointsPorts.ts';

export function toPurchaseRecord(row: Purchase): PurchaseRecord {
  return {
    id: row.id,
    memberId: row.memberId,
    receiptId: row.receiptId,
    amount: row.amount,
    discountPercent: row.discountPercent,
    discountAmount: row.amount - row.paidAmount - row.redeemedAmount,
    redeemedPoints: row.redeemedPoints,
    redeemedAmount: row.redeemedAmount,
    paidAmount: row.paidAmount,
    earnedPoints: row.earnedPoints,
    freeItem: row.freeItem,
    tierBefore: row.tierBefore,
    tierAfter: row.tierAfter,
    refundedAt: row.refundedAt,
    refundShortfall: row.refundShortfall,
    recordedBy: row.recordedBy,
    store: row.store,
    till: row.till,
    createdAt: row.createdAt,
  };
}
