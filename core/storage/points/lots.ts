import type { Tx } from '../db/openDatabase.ts';
import { countLedgerEntryInTransaction } from '../analytics/countLedgerEntry.ts';

export interface Debit {
  memberId: string;
  kind: string;
  points: number;
  idempotencyKey: string;
  at: Date;
  /** Draw from this lot before the others (a refund takes back the very points it earned). */
  firstFromLot?: string;
}

/** Thrown inside a transaction to roll it back when the balance cannot cover a debit. */
export class InsufficientPoints extends Error {
  constructor() {
    super('The balance does not cover this debit; nothing was changed.');
  }
}

/**
 * Takes points from a member: one conditional statement moves the balance
 * (never below zero, whatever runs concurrently), then the points are drawn
 * from the lots that expire soonest, and each draw is recorded so a refund
 * can put the points back exactly where they came from. Plain SQL for both
 * providers: a purchase paid with points runs all of these.
 */
export async function debitInTransaction(tx: Tx, debit: Debit): Promise<string> {
  if (!Number.isSafeInteger(debit.points) || debit.points <= 0)
    throw new RangeError(`A debit must be a positive whole number of points, got ${debit.points}.`);
  const [member] = await tx.$queryRaw<{ balance: number; ledgerSeq: number }[]>`
    UPDATE "Member" SET "balance" = "balance" - ${debit.points}, "ledgerSeq" = "ledgerSeq" + 1
    WHERE "id" = ${debit.memberId} AND "balance" >= ${debit.points}
    RETURNING "balance", "ledgerSeq"`;
  if (!member) throw new InsufficientPoints();
  const entryId = crypto.randomUUID();
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("id", "memberId", "kind", "seq", "delta", "balanceAfter", "remaining", "expiresAt", "idempotencyKey", "createdAt")
    VALUES (${entryId}, ${debit.memberId}, ${debit.kind}, ${member.ledgerSeq}, ${-debit.points}, ${member.balance}, 0, ${null}, ${debit.idempotencyKey}, ${debit.at})`;
  await countLedgerEntryInTransaction(tx, { kind: debit.kind, delta: -debit.points, at: debit.at });
  await drawFromLots(tx, debit, entryId);
  return entryId;
}

async function drawFromLots(tx: Tx, debit: Debit, debitId: string): Promise<void> {
  const lots = await tx.$queryRaw<{ id: string; remaining: number }[]>`
    SELECT "id", "remaining" FROM "LedgerEntry"
    WHERE "memberId" = ${debit.memberId} AND "remaining" > 0 AND ("expiresAt" IS NULL OR "expiresAt" > ${debit.at})
    ORDER BY "expiresAt" ASC NULLS LAST, "seq" ASC`;
  let left = debit.points;
  const ordered = [
    ...lots.filter((lot) => lot.id === debit.firstFromLot),
    ...lots.filter((lot) => lot.id !== debit.firstFromLot),
  ];
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    await takeFromLot(tx, lot.id, take, debitId);
    left -= take;
  }
  // The balance allowed the debit, so the lots must too; if not, the ledger is inconsistent.
  if (left > 0)
    throw new Error(
      `Ledger lots of member ${debit.memberId} hold ${debit.points - left} points but the balance allowed ${debit.points}; refusing to continue.`,
    );
}

async function takeFromLot(tx: Tx, lotId: string, points: number, debitId: string): Promise<void> {
  const taken =
    await tx.$executeRaw`UPDATE "LedgerEntry" SET "remaining" = "remaining" - ${points} WHERE "id" = ${lotId} AND "remaining" >= ${points}`;
  if (taken !== 1) throw new Error(`Lot ${lotId} changed while points were drawn from it.`);
  await tx.$executeRaw`INSERT INTO "LotDraw" ("id", "debitId", "lotId", "points") VALUES (${crypto.randomUUID()}, ${debitId}, ${lotId}, ${points})`;
}

/**
 * Retires the lots of one member that expired by `at`: each lot's unspent
 * points leave the balance in an `expire` entry keyed by the lot, so running
 * this twice, or on two instances at once, takes them once.
 */
export async function expireDueInTransaction(tx: Tx, memberId: string, at: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: string; remaining: number }[]>`
    SELECT "id", "remaining" FROM "LedgerEntry"
    WHERE "memberId" = ${memberId} AND "remaining" > 0 AND "expiresAt" <= ${at}
    ORDER BY "expiresAt" ASC, "seq" ASC`;
  let expired = 0;
  for (const lot of due) expired += await expireLot(tx, memberId, lot, at);
  return expired;
}

async function expireLot(tx: Tx, memberId: string, lot: { id: string; remaining: number }, at: Date): Promise<number> {
  const emptied = await tx.ledgerEntry.updateMany({
    where: { id: lot.id, remaining: lot.remaining },
    data: { remaining: 0 },
  });
  if (emptied.count !== 1) return 0;
  const member = await tx.member.update({
    where: { id: memberId },
    data: { balance: { decrement: lot.remaining }, ledgerSeq: { increment: 1 } },
  });
  const entryId = crypto.randomUUID();
  await tx.ledgerEntry.create({
    data: {
      id: entryId,
      memberId,
      seq: member.ledgerSeq,
      kind: 'expire',
      delta: -lot.remaining,
      balanceAfter: member.balance,
      idempotencyKey: `expire:${lot.id}:${member.ledgerSeq}`,
      createdAt: at,
    },
  });
  await countLedgerEntryInTransaction(tx, { kind: 'expire', delta: -lot.remaining, at });
  await tx.lotDraw.create({
    data: { id: crypto.randomUUID(), debitId: entryId, lotId: lot.id, points: lot.remaining },
  });
  return lot.remaining;
}

/** Puts the points a debit drew back into the lots they came from; returns how many. */
export async function restoreDrawsInTransaction(tx: Tx, debitId: string): Promise<number> {
  const draws = await tx.lotDraw.findMany({ where: { debitId } });
  for (const draw of draws)
    await tx.ledgerEntry.update({ where: { id: draw.lotId }, data: { remaining: { increment: draw.points } } });
  return draws.reduce((sum, draw) => sum + draw.points, 0);
}
