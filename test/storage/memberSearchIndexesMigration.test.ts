import { afterEach, expect, it } from 'vitest';
import { memberCriteria } from '../../core/members/memberSearch.ts';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { createMemberDirectory } from '../../core/storage/members/createMemberDirectory.ts';
import { migrationsBefore } from '../support/migrationsBefore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';

const PHONE_DIGITS_REVERSED = '20261202051131_member_search_indexes';
const older = migrationsBefore();

describeEachProvider('upgrading to search by the last digits of a phone', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
    older.cleanUp();
  });

  it('finds members enrolled before it by the last digits of their phone, and a member without a phone by none', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    await migrateDatabase(db, { migrationsDir: older.dirFor(provider, PHONE_DIGITS_REVERSED) });
    const at = new Date('2026-11-20T10:00:00Z');
    // Raw SQL: the generated client knows the column this older schema does not have yet.
    await db.prisma.$executeRaw`
      INSERT INTO "Member" ("id", "cardNumber", "name", "searchName", "phone", "locale", "consentAt", "consentVersion", "updatedAt")
      VALUES ('m1', '100000000009', 'Ana Rusu', 'ana rusu', '+37369123456', 'ro', ${at}, 'v1', ${at}),
             ('m2', '100000000017', 'Ion Rusu', 'ion rusu', '+4915112345678', 'ro', ${at}, 'v1', ${at}),
             ('m3', '100000000025', 'Dan Rusu', 'dan rusu', NULL, 'ro', ${at}, 'v1', ${at})`;

    await migrateDatabase(db);

    const directory = createMemberDirectory(db);
    const found = async (q: string) =>
      (await directory.search(memberCriteria(q, 'MD')!, { limit: 20 })).members.map((member) => member.id);
    expect(await found('3456')).toEqual(['m1']);
    expect(await found('123 456')).toEqual(['m1']);
    expect(await found('5678')).toEqual(['m2']);
    expect(await found('+49 151 1234 5678')).toEqual(['m2']);
    const rows = await db.prisma.member.findMany({ orderBy: { id: 'asc' }, select: { phoneDigitsReversed: true } });
    expect(rows.map((row) => row.phoneDigitsReversed)).toEqual(['65432196373', '8765432115194', null]);
  });
});
