import type { AdjustmentOutcome, AdjustmentRequest, AdjustmentStore } from '../../points/pointsPorts.ts';
import { recordAuditInTransaction } from '../audit/recordAudit.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { toMemberRecord } from '../members/records.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { creditInTransaction } from './creditInTransaction.ts';
import { debitInTransaction, expireDueInTransaction, InsufficientPoints } from './lots.ts';

const KIND = 'adjustment';

/** Adjustments on Prisma: one transaction writes the ledger line, the balance, the audit entry and the message. */
export function createAdjustmentStore(db: Database): AdjustmentStore {
  return { adjust: (request) => adjust(db, request) };
}

async function adjust(db: Database, request: AdjustmentRequest): Promise<AdjustmentOutcome> {
  try {
    return await withTransactionRetry(db, (tx) => adjustInTransaction(tx, request));
  } catch (error) {
    if (error instanceof InsufficientPoints) {
      const member = await db.prisma.member.findUnique({ where: { id: request.memberId }, select: { balance: true } });
      return { kind: 'over-balance', balance: member?.balance ?? 0 };
    }
    // A concurrent twin wrote the same ledger key first: answer what it did.
    if (isUniqueViolation(error)) return (await replayOf(db.prisma, request)) ?? Promise.reject(error);
    throw error;
  }
}

async function adjustInTransaction(tx: Tx, request: AdjustmentRequest): Promise<AdjustmentOutcome> {
  const { memberId, points, at } = request;
  const before = await tx.member.findUnique({ where: { id: memberId } });
  if (!before) return { kind: 'member-not-found' };
  if (before.erasedAt) return { kind: 'member-erased' };
  const replay = await replayOf(tx, request);
  if (replay) return replay;
  // Points expired by now are not there to take.
  await expireDueInTransaction(tx, memberId, at);
  const { idempotencyKey } = request;
  if (points > 0)
    await creditInTransaction(tx, { memberId, kind: KIND, points, idempotencyKey, expiresAt: request.expiresAt, at });
  else await debitInTransaction(tx, { memberId, kind: KIND, points: -points, idempotencyKey, at });
  const entry = await tx.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey } });
  const member = toMemberRecord(await tx.member.findUniqueOrThrow({ where: { id: memberId } }));
  await recordAuditInTransaction(tx, {
    at,
    actor: request.actor,
    action: 'points.adjusted',
    subject: `member:${memberId}`,
    before: { balance: before.balance },
    after: { balance: entry.balanceAfter, points, reason: request.reason, ledgerSeq: entry.seq },
  });
  await enqueueInTransaction(tx, { ...request.notify(member, entry), at }, { tellWhyNot: false });
  return { kind: 'adjusted', entry, member };
}

async function replayOf(
  client: Pick<Tx, 'ledgerEntry' | 'member'>,
  request: AdjustmentRequest,
): Promise<AdjustmentOutcome | null> {
  const entry = await client.ledgerEntry.findUnique({ where: { idempotencyKey: request.idempotencyKey } });
  if (!entry || entry.memberId !== request.memberId) return null;
  const member = await client.member.findUniqueOrThrow({ where: { id: request.memberId } });
  return { kind: 'replayed', entry, member: toMemberRecord(member) };
}
