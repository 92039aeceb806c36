import { DESK_LANE, type OutboxChannel } from '../../outbox/outboxPorts.ts';
import type { ClaimRef, OutboxStore } from '../../outbox/outboxPorts.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { claimDue } from './claimDue.ts';
import { markChatUnreachable } from './reachability.ts';

/** Errors are kept for people reading the table, not as an archive of what a platform said. */
const MAX_ERROR_LENGTH = 500;

/** The dispatcher's `OutboxStore` on Prisma; the same code serves SQLite and PostgreSQL. */
export function createOutboxStore(db: Database): OutboxStore {
  const prisma = db.prisma;
  return {
    claimDue: (request) => claimDue(db, request),
    markSent: (claim, at, platformId) =>
      settle(prisma, claim, { status: 'sent', sentAt: at, lastError: null, ...(platformId && { platformId }) }),
    markAllSent: (claims, at, platformId) => markAllSent(prisma, claims, at, platformId),
    scheduleRetry: (claim, at, error) =>
      settle(prisma, claim, { status: 'pending', nextAttemptAt: at, lastError: clip(error) }),
    markFailed: (claim, error) => settle(prisma, claim, { status: 'failed', lastError: clip(error) }),
    markUnreachable: (claim, at, error) => markUnreachable(prisma, claim, at, error),
    release: (claims, nextAttemptAt) => release(prisma, claims, nextAttemptAt),
  };
}

type Settlement = {
  status: string;
  sentAt?: Date;
  nextAttemptAt?: Date;
  lastError: string | null;
  platformId?: string;
};

/** Only the lease's holder may move a row on: the condition is the claim itself. */
function claimed(claim: ClaimRef) {
  return { id: claim.id, status: 'sending', lockedUntil: claim.lockedUntil };
}

async function settle(prisma: Prisma, claim: ClaimRef, data: Settlement): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: claimed(claim),
    data: { ...data, lockedUntil: null },
  });
  return count === 1;
}

async function markUnreachable(
  prisma: Prisma,
  claim: ClaimRef & { channel: OutboxChannel; address: string },
  at: Date,
  error: string,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: claimed(claim),
      data: { status: 'failed', lockedUntil: null, lastError: clip(error) },
    });
    if (count !== 1) return false;
    if (claim.channel !== DESK_LANE) await markChatUnreachable(tx, claim.channel, claim.address, at);
    return true;
  });
}

/** Claims of one lease are written by one statement, which repeats each claim's condition. */
async function markAllSent(prisma: Prisma, claims: ClaimRef[], at: Date, platformId?: string): Promise<Set<string>> {
  const kept = new Set<string>();
  for (const [lease, ids] of idsByLease(claims)) {
    const rows = await prisma.outboxMessage.updateManyAndReturn({
      where: { id: { in: ids }, status: 'sending', lockedUntil: new Date(lease) },
      data: { status: 'sent', sentAt: at, lastError: null, lockedUntil: null, ...(platformId && { platformId }) },
      select: { id: true },
    });
    for (const row of rows) kept.add(row.id);
  }
  return kept;
}

/** Unsent claims go back as they were: pending, the claim's attempt taken back. */
async function release(prisma: Prisma, claims: ClaimRef[], nextAttemptAt?: Date): Promise<void> {
  for (const [lease, ids] of idsByLease(claims)) {
    await prisma.outboxMessage.updateMany({
      where: { id: { in: ids }, status: 'sending', lockedUntil: new Date(lease) },
      data: {
        status: 'pending',
        lockedUntil: null,
        attempts: { decrement: 1 },
        ...(nextAttemptAt && { nextAttemptAt }),
      },
    });
  }
}

function idsByLease(claims: ClaimRef[]): Map<number, string[]> {
  const byLease = new Map<number, string[]>();
  for (const claim of claims) {
    const ids = byLease.get(claim.lockedUntil.getTime());
    if (ids) ids.push(claim.id);
    else byLease.set(claim.lockedUntil.getTime(), [claim.id]);
  }
  return byLease;
}

function clip(error: string): string {
  return error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
}
