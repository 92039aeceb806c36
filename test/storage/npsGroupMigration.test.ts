import { afterEach, expect, it } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { migrationsBefore } from '../support/migrationsBefore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';

const NPS_GROUP = '20261203151630_member_nps_group';
const older = migrationsBefore();

describeEachProvider('upgrading to the NPS group filter', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
    older.cleanUp();
  });

  it('gives members who answered before it the group of their latest NPS answer, CSAT answers aside', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    await migrateDatabase(db, { migrationsDir: older.dirFor(provider, NPS_GROUP) });
    const at = new Date('2026-11-20T10:00:00Z');
    const later = new Date('2026-11-25T10:00:00Z');
    const latest = new Date('2026-11-28T10:00:00Z');
    // Raw SQL: the generated client knows the column this older schema does not have yet.
    await db.prisma.$executeRaw`
      INSERT INTO "Member" ("id", "cardNumber", "name", "searchName", "locale", "consentAt", "consentVersion", "updatedAt")
      VALUES ('m1', '100000000009', 'Ana Rusu', 'ana rusu', 'ro', ${at}, 'v1', ${at}),
             ('m2', '100000000017', 'Ion Rusu', 'ion rusu', 'ro', ${at}, 'v1', ${at}),
             ('m3', '100000000025', 'Eva Rusu', 'eva rusu', 'ro', ${at}, 'v1', ${at})`;
    await db.prisma.$executeRaw`
      INSERT INTO "SurveyQuestion" ("id", "memberId", "kind", "touchpoint", "dedupeKey", "status", "locale", "dueAt",
        "answeredAt", "score", "scoreGroup")
      VALUES ('q1', 'm1', 'nps', 'purchase', 'k1', 'answered', 'ro', ${at}, ${at}, 3, 'detractor'),
             ('q2', 'm1', 'nps', 'purchase', 'k2', 'answered', 'ro', ${later}, ${later}, 9, 'promoter'),
             ('q3', 'm1', 'csat', 'desk', 'k3', 'answered', 'ro', ${latest}, ${latest}, 1, 'dissatisfied'),
             ('q4', 'm2', 'nps', 'purchase', 'k4', 'asked', 'ro', ${at}, NULL, NULL, NULL),
             ('q5', 'm3', 'nps', 'purchase', 'k5', 'answered', 'ro', ${at}, ${at}, 7, 'passive')`;

    await migrateDatabase(db);

    const rows = await db.prisma.member.findMany({ orderBy: { id: 'asc' }, select: { npsGroup: true } });
    expect(rows.map((row) => row.npsGroup)).toEqual(['promoter', null, 'passive']);
  });
});
