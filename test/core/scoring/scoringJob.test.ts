// The daily scoring job on several instances: one database, two clients,
// both running the job at the same moment.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scoringJobs } from '../../../core/scoring/scoringJobs.ts';
import { openDatabase, type Database } from '../../../core/storage/db/openDatabase.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';
import { addMember, addPurchase, scoringDeps } from './support/scoringRows.ts';

const MORNING = new Date('2026-06-15T06:00:00Z');
const LATER = new Date('2026-06-15T15:00:00Z');
const NEXT_DAY = new Date('2026-06-16T06:00:00Z');

describeEachProvider('the daily scoring job', (provider) => {
  let db: TestDatabase;
  let other: Database;
  const jobOf = (database: Database) => scoringJobs(scoringDeps(database))[0]!;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    other = openDatabase(db.url);
    const member = await addMember(db, new Date('2026-01-01T00:00:00Z'));
    await addPurchase(db, member, new Date('2026-06-01T09:00:00Z'), 10_000);
  });
  afterAll(async () => {
    await other.close();
    await db.dispose();
  });

  it('scores once a day however many instances run it at once', async () => {
    const outcomes = await Promise.all([jobOf(db).run(MORNING), jobOf(other).run(MORNING)]);
    expect(outcomes.map((outcome) => (outcome as { scored: number }).scored).sort()).toEqual([0, 1]);
    expect(await db.prisma.memberScore.count()).toBe(1);
    expect(await jobOf(db).run(LATER)).toEqual({ scored: 0 });
  });

  it('scores again on the next programme-local day', async () => {
    expect(await jobOf(other).run(NEXT_DAY)).toEqual({ scored: 1 });
    expect((await db.prisma.memberScore.findFirstOrThrow()).scoredOn).toBe('2026-06-16');
  });

  it('gives the day back when a run fails, so the next run scores it', async () => {
    const failing = scoringJobs({
      ...scoringDeps(db),
      loadRules: (() => {
        let calls = 0;
        return async () => {
          calls += 1;
          if (calls > 1) throw new Error('rules unavailable');
          return (await scoringDeps(db).loadRules)();
        };
      })(),
    })[0]!;
    const dayAfter = new Date('2026-06-17T06:00:00Z');
    await expect(failing.run(dayAfter)).rejects.toThrow('rules unavailable');
    expect(await jobOf(db).run(dayAfter)).toEqual({ scored: 1 });
  });
});
