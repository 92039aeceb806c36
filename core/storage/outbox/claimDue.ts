import {
  DESK_LANE,
  type ClaimedMessage,
  type ClaimRequest,
  type OutboxChannel,
  type OutboxPayload,
} from '../../outbox/outboxPorts.ts';
import { parseDeskPost } from '../../desk/deskPost.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { parseReplies } from '../conversation/storedReplies.ts';

interface ClaimedRow {
  id: string;
  channel: string;
  address: string;
  memberId: string | null;
  ticketId: string | null;
  payload: string;
  attempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

/**
 * Leases up to `limit` due messages of one channel to the caller, oldest
 * first: pending ones whose time has come, and ones whose lease ran out
 * (their instance died mid-send). Several instances may claim at once and
 * never get the same row. The claim counts as an attempt.
 */
export async function claimDue(db: Database, request: ClaimRequest): Promise<ClaimedMessage[]> {
  if (request.limit <= 0) return [];
  const lease = new Date(request.now.getTime() + request.leaseMs);
  const rows =
    db.provider === 'postgresql'
      ? await claimOnPostgres(db.prisma, request, lease)
      : await claimOnSqlite(db.prisma, request, lease);
  return rows.map(toClaimedMessage).sort(byCreation);
}

/**
 * One statement: rows another claimer has locked are skipped rather than
 * waited for, so concurrent claimers split the due rows between them.
 */
function claimOnPostgres(prisma: Prisma, request: ClaimRequest, lease: Date): Promise<ClaimedRow[]> {
  const { channel, now, limit } = request;
  return prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" SET "status" = 'sending', "lockedUntil" = ${lease}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "channel" = ${channel}
        AND (("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR ("status" = 'sending' AND "lockedUntil" < ${now}))
      ORDER BY "createdAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "channel", "address", "memberId", "ticketId", "payload", "attempts", "lockedUntil", "createdAt"`;
}

/**
 * SQLite has no row locks; its statements are atomic instead. The update
 * repeats the "still due" condition, so of two claimers that picked the same
 * candidates each row goes to exactly one.
 */
async function claimOnSqlite(prisma: Prisma, request: ClaimRequest, lease: Date): Promise<ClaimedRow[]> {
  const due = dueWhere(request.channel, request.now);
  const candidates = await prisma.outboxMessage.findMany({
    where: due,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: request.limit,
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  return prisma.outboxMessage.updateManyAndReturn({
    where: { ...due, id: { in: candidates.map((row) => row.id) } },
    data: { status: 'sending', lockedUntil: lease, attempts: { increment: 1 } },
    select: {
      id: true,
      channel: true,
      address: true,
      memberId: true,
      ticketId: true,
      payload: true,
      attempts: true,
      lockedUntil: true,
      createdAt: true,
    },
  });
}

function dueWhere(channel: OutboxChannel, now: Date) {
  return {
    channel,
    OR: [
      { status: 'pending', nextAttemptAt: { lte: now } },
      { status: 'sending', lockedUntil: { lt: now } },
    ],
  };
}

function toClaimedMessage(row: ClaimedRow): ClaimedMessage {
  const channel = row.channel as OutboxChannel;
  return {
    id: row.id,
    channel,
    address: row.address,
    memberId: row.memberId,
    ticketId: row.ticketId,
    message: parseStoredMessage(channel, row.payload),
    attempts: Number(row.attempts),
    lockedUntil: new Date(row.lockedUntil!),
    createdAt: new Date(row.createdAt),
  };
}

/** A payload this version cannot read yields no message; the dispatcher marks it failed instead of crashing. */
function parseStoredMessage(channel: OutboxChannel, payload: string): OutboxPayload | null {
  if (channel === DESK_LANE) return parseDeskPost(payload);
  try {
    return parseReplies(payload)?.[0] ?? null;
  } catch {
    return null;
  }
}

function byCreation(a: ClaimedMessage, b: ClaimedMessage): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
