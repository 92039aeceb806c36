import type { Tx } from '../db/openDatabase.ts';
import { debitInTransaction } from '../points/lots.ts';

/**
 * Takes back the referral reward credited under `rewardKey`, when the
 * purchase recorded at `purchasedAt` earned it: what is left of its lot
 * first, then from the rest of the balance, never below zero. The
 * `:refund` key makes it happen once, however often the refund is replayed.
 * Returns the shortfall: the points the balance could not give back.
 */
export async function takeBackReward(tx: Tx, rewardKey: string, purchasedAt: Date, at: Date): Promise<number> {
  const reward = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: rewardKey } });
  if (!reward || reward.createdAt.getTime() !== purchasedAt.getTime()) return 0;
  const refundKey = `${rewardKey}:refund`;
  if ((await tx.ledgerEntry.count({ where: { idempotencyKey: refundKey } })) > 0) return 0;
  const { balance } = await tx.member.findUniqueOrThrow({ where: { id: reward.memberId }, select: { balance: true } });
  const taken = Math.min(balance, reward.delta);
  if (taken > 0)
    await debitInTransaction(tx, {
      memberId: reward.memberId,
      kind: 'refund',
      points: taken,
      idempotencyKey: refundKey,
      at,
      firstFromLot: reward.id,
    });
  return reward.delta - taken;
}
