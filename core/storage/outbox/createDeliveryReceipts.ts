import type { DeliveryReceipt, DeliveryReceipts } from '../../outbox/outboxPorts.ts';
import type { Database } from '../db/openDatabase.ts';

const column = { delivered: 'deliveredAt', seen: 'seenAt', failed: 'failedAt' } as const satisfies Record<
  DeliveryReceipt,
  string
>;

/**
 * Receipts on the outbox rows they name. The first time of each kind is
 * kept: a receipt the platform sends again has no second effect.
 */
export function createDeliveryReceipts(db: Database): DeliveryReceipts {
  return {
    async record(channel, platformId, receipt, at, address) {
      const field = column[receipt];
      const { count } = await db.prisma.outboxMessage.updateMany({
        where: { channel, platformId, ...(address !== undefined && { address }), [field]: null },
        data: { [field]: at },
      });
      return count > 0;
    },
  };
}
