import type { Tx } from '../db/openDatabase.ts';
import { IN_PROGRESS, type IdempotencyClaim, type IdempotentRequestRow } from '../../api/apiPorts.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * Claims a key for a request: the row is inserted "in progress" before any
 * work, so its primary key decides, on every instance, which request does the
 * work. Returns null when this request won, else the row that is there.
 * Plain SQL, as every POST of the API runs it (a third of the client time
 * of the ORM's insert), and a taken key is an inserted count of 0, not an error.
 */
export async function claimIdempotencyKey(db: Database, claim: IdempotencyClaim): Promise<IdempotentRequestRow | null> {
  if (await insertRow(db, claim, { status: IN_PROGRESS, body: '' })) return null;
  const existing = await findIdempotentRequest(db, claim.client, claim.key);
  // Released between our insert and our read: try once more.
  return existing ?? claimIdempotencyKey(db, claim);
}

export async function findIdempotentRequest(
  db: Database,
  client: string,
  key: string,
): Promise<IdempotentRequestRow | null> {
  return db.prisma.idempotentRequest.findUnique({
    where: { client_key: { client, key } },
    select: { requestHash: true, status: true, body: true, createdAt: true },
  });
}

/**
 * Stores the first response, which every later request with the key
 * receives. When the claim row is gone (taken over as abandoned, or undone by
 * another transaction's rollback on SQLite's shared connection) it is written
 * again, unless another answer got there first.
 */
export async function completeIdempotentRequest(
  db: Database,
  claim: IdempotencyClaim,
  response: { status: number; body: string },
): Promise<void> {
  const { client, key } = claim;
  const completed = await db.prisma.$executeRaw`
    UPDATE "IdempotentRequest" SET "status" = ${response.status}, "body" = ${response.body}
    WHERE "client" = ${client} AND "key" = ${key} AND "status" = ${IN_PROGRESS}`;
  if (completed !== 1) await insertRow(db, claim, response);
}

/**
 * Completes a claim inside the transaction of the work it answers, so that
 * both commit together. False when the claim is not there in progress (taken
 * over as abandoned): then the answer is stored after the transaction, as
 * `completeIdempotentRequest` does it.
 */
export async function completeInTransaction(
  tx: Tx,
  claim: { client: string; key: string },
  response: { status: number; body: string },
): Promise<boolean> {
  const completed = await tx.$executeRaw`
    UPDATE "IdempotentRequest" SET "status" = ${response.status}, "body" = ${response.body}
    WHERE "client" = ${claim.client} AND "key" = ${claim.key} AND "status" = ${IN_PROGRESS}`;
  return completed === 1;
}

/** Inserts the key's row unless the key has one; false when it has. */
async function insertRow(
  db: Database,
  claim: IdempotencyClaim,
  response: { status: number; body: string },
): Promise<boolean> {
  const { client, key, requestHash, at } = claim;
  const inserted = await db.prisma.$executeRaw`
    INSERT INTO "IdempotentRequest" ("client", "key", "requestHash", "status", "body", "createdAt")
    VALUES (${client}, ${key}, ${requestHash}, ${response.status}, ${response.body}, ${at})
    ON CONFLICT ("client", "key") DO NOTHING`;
  return inserted === 1;
}

/** Gives a key back after the work failed unexpectedly, so that a retry can do it. */
export async function releaseIdempotencyKey(db: Database, client: string, key: string): Promise<void> {
  await db.prisma.idempotentRequest.deleteMany({ where: { client, key, status: IN_PROGRESS } });
}

/**
 * Takes over a claim whose request died mid-way (its instance crashed): only
 * the one caller that deletes the exact stale row may claim again.
 */
export async function dropAbandonedClaim(db: Database, client: string, key: string, claimedAt: Date): Promise<boolean> {
  const { count } = await db.prisma.idempotentRequest.deleteMany({
    where: { client, key, status: IN_PROGRESS, createdAt: claimedAt },
  });
  return count === 1;
}

/** Forgets keys older than `before` (abandoned claims too); a client retries within minutes, not days. */
export async function purgeIdempotentRequests(db: Database, before: Date): Promise<number> {
  const { count } = await db.prisma.idempotentRequest.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
