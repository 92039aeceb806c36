import { afterEach, expect, it } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { migrationsBefore } from '../support/migrationsBefore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';

const SEGMENTS = '20261203062733_segments';
const older = migrationsBefore();

describeEachProvider('upgrading to segments', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
    older.cleanUp();
  });

  it('gives members who bought before it the time of their latest purchase not refunded', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    await migrateDatabase(db, { migrationsDir: older.dirFor(provider, SEGMENTS) });
    const at = new Date('2026-11-20T10:00:00Z');
    const later = new Date('2026-11-25T10:00:00Z');
    const refunded = new Date('2026-11-28T10:00:00Z');
    // Raw SQL: the generated client knows the column this older schema does not have yet.
    await db.prisma.$executeRaw`
      INSERT INTO "Member" ("id", "cardNumber", "name", "searchName", "locale", "consentAt", "consentVersion", "updatedAt")
      VALUES ('m1', '100000000009', 'Ana Rusu', 'ana rusu', 'ro', ${at}, 'v1', ${at}),
             ('m2', '100000000017', 'Ion Rusu', 'ion rusu', 'ro', ${at}, 'v1', ${at})`;
    await db.prisma.$executeRaw`
      INSERT INTO "Purchase" ("id", "memberId", "receiptId", "requestHash", "amount", "redeemedPoints", "redeemedAmount",
        "paidAmount", "discountPercent", "earnedPoints", "source", "createdAt", "refundedAt")
      VALUES ('p1', 'm1', 'r1', 'h', 100, 0, 0, 100, 0, 0, 'api', ${at}, NULL),
             ('p2', 'm1', 'r2', 'h', 100, 0, 0, 100, 0, 0, 'api', ${later}, NULL),
             ('p3', 'm1', 'r3', 'h', 100, 0, 0, 100, 0, 0, 'api', ${refunded}, ${refunded})`;

    await migrateDatabase(db);

    const rows = await db.prisma.member.findMany({ orderBy: { id: 'asc' }, select: { lastPurchaseAt: true } });
    expect(rows.map((row) => row.lastPurchaseAt)).toEqual([later, null]);
  });
});
