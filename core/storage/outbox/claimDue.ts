import {
  DESK_LANE,
  type ClaimedMessage,
  type ClaimRequest,
  type OutboxChannel,
  type OutboxPayload,
} from '../../outbox/outboxPorts.ts';
import { parseDeskPost } from '../../desk/deskPost.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { Prisma as Sql } from '../generated/sqlite/client.ts';
import { parseReplies } from '../conversation/storedReplies.ts';

interface ClaimedRow {
  id: string;
  channel: string;
  address: string;
  memberId: string | null;
  ticketId: string | null;
  campaignId: string | null;
  payload: string;
  attempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

/**
 * Leases up to `limit` due messages of one channel to the caller: ones
 * whose lease ran out (their instance died mid-send), then pending ones whose
 * time has come, the longest due first. Several instances may claim at once and
 * never get the same row. The claim counts as an attempt.
 */
export async function claimDue(db: Database, request: ClaimRequest): Promise<ClaimedMessage[]> {
  if (request.limit <= 0) return [];
  const lease = new Date(request.now.getTime() + request.leaseMs);
  const rows =
    db.provider === 'postgresql'
      ? await claimOnPostgres(db.prisma, request, lease)
      : await claimOnSqlite(db.prisma, request, lease);
  const claimed = rows.map(toClaimedMessage).sort(byCreation);
  return request.channel === DESK_LANE ? inTurns(claimed) : claimed;
}

/**
 * One statement: rows another claimer has locked are skipped rather than
 * waited for, so concurrent claimers split the due rows between them.
 * Leases that ran out go first (they were claimed before any pending row).
 */
function claimOnPostgres(prisma: Prisma, request: ClaimRequest, lease: Date): Promise<ClaimedRow[]> {
  const { channel, now, limit } = request;
  if (channel === DESK_LANE) return claimDeskOnPostgres(prisma, request, lease);
  return prisma.$queryRaw<ClaimedRow[]>`
    WITH "expired" AS (
      SELECT "id" FROM "OutboxMessage"
      WHERE "channel" = ${channel} AND "status" = 'sending' AND "lockedUntil" < ${now}
      ORDER BY "lockedUntil", "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), "due" AS (
      SELECT "id" FROM "OutboxMessage"
      WHERE "channel" = ${channel} AND "status" = 'pending' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" SET "status" = 'sending', "lockedUntil" = ${lease}, "attempts" = "attempts" + 1
    WHERE "id" IN (SELECT "id" FROM (SELECT "id", 0 AS "n" FROM "expired" UNION ALL SELECT "id", 1 FROM "due") AS "both"
                   ORDER BY "n" LIMIT ${limit})
    RETURNING "id", "channel", "address", "memberId", "ticketId", "campaignId", "payload", "attempts", "lockedUntil", "createdAt"`;
}

/**
 * SQLite has no row locks; its statements are atomic instead. The update
 * repeats the "still due" condition, so of two claimers that picked the same
 * candidates each row goes to exactly one.
 */
async function claimOnSqlite(prisma: Prisma, request: ClaimRequest, lease: Date): Promise<ClaimedRow[]> {
  const due = dueWhere(request.channel, request.now);
  const candidates =
    request.channel === DESK_LANE
      ? await prisma.$queryRaw<{ id: string }[]>(deskTurns(request))
      : await dueInOrder(prisma, request);
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
      campaignId: true,
      payload: true,
      attempts: true,
      lockedUntil: true,
      createdAt: true,
    },
  });
}

/**
 * Leases that ran out, then pending rows in the order they fell due, each
 * read in the order of the index on (channel, status, nextAttemptAt, id):
 * a campaign leaves 100,000 due rows, and one query for both kinds had
 * SQLite sort all of them for every claim, about once a second, 50–100 ms
 * on this thread while the chats waited.
 */
async function dueInOrder(prisma: Prisma, { channel, now, limit }: ClaimRequest): Promise<{ id: string }[]> {
  const expired = await prisma.outboxMessage.findMany({
    where: { channel, status: 'sending', lockedUntil: { lt: now } },
    orderBy: [{ lockedUntil: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true },
  });
  if (expired.length === limit) return expired;
  const pending = await prisma.outboxMessage.findMany({
    where: { channel, status: 'pending', nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: limit - expired.length,
    select: { id: true },
  });
  return [...expired, ...pending];
}

/**
 * The staff desk's due rows in turns: every ticket's oldest post, then every
 * ticket's second, and so on (a ticket's posts share its id as address). In
 * arrival order one flooding ticket would hold every other ticket back behind
 * its whole backlog at the desk's one post a second. The desk lane holds few
 * rows, so ranking them all costs little; a campaign's lanes keep the plain
 * oldest-first claim, which an index answers.
 */
function deskTurns({ channel, now, limit }: ClaimRequest): Sql.Sql {
  return Sql.sql`
    SELECT "id" FROM (
      SELECT "id", "createdAt", ROW_NUMBER() OVER (PARTITION BY "address" ORDER BY "createdAt", "id") AS "turn"
      FROM "OutboxMessage"
      WHERE ${dueSql(channel, now)}) AS "ranked"
    ORDER BY "turn", "createdAt", "id"
    LIMIT ${limit}`;
}

function dueSql(channel: OutboxChannel, now: Date): Sql.Sql {
  return Sql.sql`"channel" = ${channel}
    AND (("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR ("status" = 'sending' AND "lockedUntil" < ${now}))`;
}

/** PostgreSQL refuses FOR UPDATE beside a window function, so the turns are chosen first and then locked. */
function claimDeskOnPostgres(prisma: Prisma, request: ClaimRequest, lease: Date): Promise<ClaimedRow[]> {
  return prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" SET "status" = 'sending', "lockedUntil" = ${lease}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "id" IN (${deskTurns(request)}) AND ${dueSql(request.channel, request.now)}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "channel", "address", "memberId", "ticketId", "campaignId", "payload", "attempts", "lockedUntil", "createdAt"`;
}

/** Claimed desk posts in the same turns, so the lane sends them round-robin across tickets (each ticket's in order). */
function inTurns(claimed: ClaimedMessage[]): ClaimedMessage[] {
  const seen = new Map<string, number>();
  const turns = new Map<string, number>();
  for (const message of claimed) {
    const turn = seen.get(message.address) ?? 0;
    seen.set(message.address, turn + 1);
    turns.set(message.id, turn);
  }
  return claimed
    .map((message, index) => ({ message, index, turn: turns.get(message.id)! }))
    .sort((a, b) => a.turn - b.turn || a.index - b.index)
    .map(({ message }) => message);
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
    campaignId: row.campaignId,
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
