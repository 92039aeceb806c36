import { afterEach, expect, it } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { migrationsBefore } from '../support/migrationsBefore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';

const VERIFIED_PHONES = '20261201235924_verified_phones';
const older = migrationsBefore();

describeEachProvider('upgrading to verified phones', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
    older.cleanUp();
  });

  it('keeps the numbers of members enrolled before it as proven, so no owner loses a card on upgrade', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    await migrateDatabase(db, { migrationsDir: older.dirFor(provider, VERIFIED_PHONES) });
    const at = new Date('2026-11-20T10:00:00Z');
    // Raw SQL: the generated client knows the column this older schema does not have yet.
    await db.prisma.$executeRaw`
      INSERT INTO "Member" ("id", "cardNumber", "name", "phone", "locale", "consentAt", "consentVersion", "updatedAt")
      VALUES ('m1', '100000000009', 'Ana', '+37369000001', 'ro', ${at}, 'v1', ${at})`;

    await migrateDatabase(db);

    const member = await db.prisma.member.findUniqueOrThrow({ where: { id: 'm1' } });
    expect(member).toMatchObject({ phone: '+37369000001', phoneVerified: true });
  });
});
