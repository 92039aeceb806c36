import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimIdempotencyKey, findIdempotentRequest } from '../../../core/storage/api/idempotency.ts';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.ts';

// On SQLite all statements share one better-sqlite3 connection. A statement
// outside a transaction that arrives while another request's interactive
// transaction is open must wait for it (core/storage/db/serializedSqlite.ts):
// otherwise it runs inside it, sees its uncommitted rows, and is undone by its
// rollback (a lost Idempotency-Key claim, update claim, chat write…).

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
  it('keeps an Idempotency-Key claim made while another request rolls back', async () => {
    await whileATransactionRollsBack(() =>
      claimIdempotencyKey(db, { client: 'till-1', key: 'k', requestHash: 'h', at: new Date() }),
    );
    expect(await findIdempotentRequest(db, 'till-1', 'k')).not.toBeNull();
  });

  it("does not read another transaction's uncommitted rows", async () => {
    const seen = await whileATransactionRollsBack(() =>
      db.prisma.setting.findUnique({ where: { key: 'uncommitted' } }),
    );
    expect(seen).toBeNull();
  });
});
