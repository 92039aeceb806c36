import type { Tx } from './ledgerWrites.ts';

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
 * can put the points back exactly where they came from.
 */
export async function debitInTransaction(tx: Tx, debit: Debit): Promise<string> {
  if (!Number.isSafeInteger(debit.points) || debit.points <= 0) throw new RangeError(`A debit must be a positive whole number of points, got ${debit.points}.`);
  const [member] = await tx.member.updateManyAndReturn({
    where: { id: debit.memberId, balance: { gte: debit.points } },
    data: { balance: { decrement: debit.points }, ledgerSeq: { increment: 1 } },
    select: { balance: true, ledgerSeq: true },
  });
  if (!member) throw new InsufficientPoints();
  const entryId = crypto.randomUUID();
  await tx.ledgerEntry.create({
    data: { id: entryId, memberId: debit.memberId, seq: member.ledgerSeq, kind: debit.kind, delta: -debit.points, balanceAfter: member.balance, idempotencyKey: debit.idempotencyKey, createdAt: debit.at },
  });
  await drawFromLots(tx, debit, entryId);
  return entryId;
}

async function drawFromLots(tx: Tx, debit: Debit, debitId: string): Promise<void> {
  const lots = await tx.ledgerEntry.findMany({
    where: { memberId: debit.memberId, remaining: { gt: 0 }, OR: [{ expiresAt: null }, { expiresAt: { gt: debit.at } }] },
    orderBy: [{ expiresAt: { sort: 'asc', nulls: 'last' } }, { seq: 'asc' }],
    select: { id: true, remaining: true },
  });
  let left = debit.points;
  const ordered = [...lots.filter((lot) => lot.id === debit.firstFromLot), ...lots.filter((lot) => lot.id !== debit.firstFromLot)];
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    await takeFromLot(tx, lot.id, take, debitId);
    left -= take;
  }
  // The balance allowed the debit, so the lots must too; if not, the ledger is inconsistent.
  if (left > 0) throw new Error(`Ledger lots of member ${debit.memberId} hold ${debit.points - left} points but the balance allowed ${debit.points}; refusing to continue.`);
}

async function takeFromLot(tx: Tx, lotId: string, points: number, debitId: string): Promise<void> {
  const taken = await tx.ledgerEntry.updateMany({ where: { id: lotId, remaining: { gte: points } }, data: { remaining: { decrement: points } } });
  if (taken.count !== 1) throw new Error(`Lot ${lotId} changed while points were drawn from it.`);
  await tx.lotDraw.create({ data: { id: crypto.randomUUID(), debitId, lotId, points } });
}

/**
 * Retires the lots of one member that expired by `at`: each lot's unspent
 * points leave the balance in an `expire` entry keyed by the lot, so running
 * this twice, or on two instances at once, takes them once.
 */
export async function expireDueInTransaction(tx: Tx, memberId: string, at: Date): Promise<number> {
  const due = await tx.ledgerEntry.findMany({
    where: { memberId, remaining: { gt: 0 }, expiresAt: { lte: at } },
    orderBy: [{ expiresAt: 'asc' }, { seq: 'asc' }],
    select: { id: true, remaining: true },
  });
  let expired = 0;
  for (const lot of due) expired += await expireLot(tx, memberId, lot, at);
  return expired;
}

async function expireLot(tx: Tx, memberId: string, lot: { id: string; remaining: number }, at: Date): Promise<number> {
  const emptied = await tx.ledgerEntry.updateMany({ where: { id: lot.id, remaining: lot.remaining }, data: { remaining: 0 } });
  if (emptied.count !== 1) return 0;
  const member = await tx.member.update({ where: { id: memberId }, data: { balance: { decrement: lot.remaining }, ledgerSeq: { increment: 1 } } });
  const entryId = crypto.randomUUID();
  await tx.ledgerEntry.create({
    data: { id: entryId, memberId, seq: member.ledgerSeq, kind: 'expire', delta: -lot.remaining, balanceAfter: member.balance, idempotencyKey: `expire:${lot.id}:${member.ledgerSeq}`, createdAt: at },
  });
  await tx.lotDraw.create({ data: { id: crypto.randomUUID(), debitId: entryId, lotId: lot.id, points: lot.remaining } });
  return lot.remaining;
}

/** Puts the points a debit drew back into the lots they came from; returns how many. */
export async function restoreDrawsInTransaction(tx: Tx, debitId: string): Promise<number> {
  const draws = await tx.lotDraw.findMany({ where: { debitId } });
  for (const draw of draws) await tx.ledgerEntry.update({ where: { id: draw.lotId }, data: { remaining: { increment: draw.points } } });
  return draws.reduce((sum, draw) => sum + draw.points, 0);
}
