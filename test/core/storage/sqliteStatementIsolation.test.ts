import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimIdempotencyKey, findIdempotentRequest } from '../../core/storage/idempotency.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

// KNOWN STORAGE BUG (reported with the REST API work; fix proposed for
// core/storage/openDatabase.ts): on SQLite all statements share one
// better-sqlite3 connection, and the Prisma adapter's transaction lock only
// orders transactions. A statement outside a transaction that runs while
// another request's interactive transaction is open executes inside it: it
// sees that transaction's uncommitted rows, and a rollback (a refused
// redemption, a code already used…) silently undoes it. For the API this
// loses an Idempotency-Key claim; elsewhere a processed-update claim, a chat
// write… `it.fails` keeps the suite green until the fix lands, then turns
// red so that the marker is removed.

let db: TestDatabase;

beforeEach(async () => {
  db = await createTestDatabase('sqlite');
});

afterEach(async () => {
  await db.dispose();
});

/** Runs `meanwhile` while a transaction that writes a row and then rolls back is open. */
async function whileATransactionRollsBack<T>(meanwhile: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const transaction = db.prisma
    .$transaction(async (tx) => {
      await tx.setting.create({ data: { key: 'uncommitted', value: '1' } });
      opened();
      await gate;
      throw new Error('refused: roll back');
    })
    .catch(() => undefined);
  await open;
  const pending = meanwhile();
  setTimeout(release, 20);
  const result = await pending;
  await transaction;
  return result;
}

describe('SQLite: statements outside a transaction while another one is open', () => {
  it.fails('keeps an Idempotency-Key claim made while another request rolls back', async () => {
    await whileATransactionRollsBack(() => claimIdempotencyKey(db, { client: 'till-1', key: 'k', requestHash: 'h', at: new Date() }));
    expect(await findIdempotentRequest(db, 'till-1', 'k')).not.toBeNull();
  });

  it.fails("does not read another transaction's uncommitted rows", async () => {
    const seen = await whileATransactionRollsBack(() => db.prisma.setting.findUnique({ where: { key: 'uncommitted' } }));
    expect(seen).toBeNull();
  });
});
