import type { Credit } from '../../points/pointsPorts.ts';
import type { Tx } from '../db/openDatabase.ts';
import { countLedgerEntryInTransaction } from '../analytics/countLedgerEntry.ts';
import type { Member } from '../members/records.ts';

/**
 * Adds a lot of points: the balance moves by one relative update and the
 * ledger line records the balance it produced. A reused idempotency key makes
 * the insert fail, which rolls the balance change back with it.
 */
export async function creditInTransaction(tx: Tx, credit: Credit): Promise<Member> {
  if (!Number.isSafeInteger(credit.points) || credit.points <= 0) {
    throw new RangeError(`A credit must be a positive whole number of points, got ${credit.points}.`);
  }
  const member = await tx.member.update({
    where: { id: credit.memberId },
    data: { balance: { increment: credit.points }, ledgerSeq: { increment: 1 } },
  });
  await tx.ledgerEntry.create({
    data: {
      id: crypto.randomUUID(),
      memberId: credit.memberId,
      seq: member.ledgerSeq,
      kind: credit.kind,
      delta: credit.points,
      balanceAfter: member.balance,
      remaining: credit.points,
      expiresAt: credit.expiresAt,
      idempotencyKey: credit.idempotencyKey,
      createdAt: credit.at,
    },
  });
  await countLedgerEntryInTransaction(tx, { kind: credit.kind, delta: credit.points, at: credit.at });
  return member;
}
