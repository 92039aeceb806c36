// The scheduled backup (BACKUP_DIR), run by the scheduler at the times a test
// clock gives: one backup per BACKUP_EVERY_HOURS, names that sort by time,
// the oldest beyond BACKUP_KEEP removed, each one a copy of the database.
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduler } from '../../../app/startScheduler.ts';
import { silentLogger } from '../../../core/logger.ts';
import { defaultProgramSettings } from '../../../core/settings/programSettings.ts';
import { createBackupShelf } from '../../../core/storage/db/createBackupShelf.ts';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { sqlitePathOf } from '../../../core/storage/db/sqlitePathOf.ts';
import { createJobsWorld, translator, type JobsWorld } from './support/jobsWorld.ts';

const HOUR_MS = 3_600_000;
const start = new Date('2026-11-23T10:00:00Z');

describe('the scheduled backup', () => {
  let world: JobsWorld;
  let dir: string;
  let now: Date;

  beforeEach(async () => {
    world = await createJobsWorld('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'scheduled-backups-'));
    now = start;
  });

  afterEach(async () => {
    await world.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The scheduler's run at the test clock's time, with BACKUP_EVERY_HOURS=6 and BACKUP_KEEP=2. */
  const runAt = async (hoursAfterStart: number) => {
    now = new Date(start.getTime() + hoursAfterStart * HOUR_MS);
    const scheduler = startScheduler(
      world.db,
      {
        translator,
        settings: defaultProgramSettings,
        clock: () => now,
        log: silentLogger,
        loadRules: () => createPointsStore(world.db).loadRules(),
        backup: { shelf: createBackupShelf(dir, sqlitePathOf(world.db.url)!), everyHours: 6, keep: 2 },
      },
      { intervalMs: 0 },
    );
    const outcomes = await scheduler.runNow();
    return outcomes.find((outcome) => outcome.job === 'backup-scheduled');
  };

  it('takes a backup on its first run, named for the time', async () => {
    await runAt(0);
    expect(readdirSync(dir)).toEqual(['loyalty-2026-11-23T10-00-00Z.db']);
  });

  it('takes the next one only once BACKUP_EVERY_HOURS have passed', async () => {
    await runAt(0);
    await runAt(5.9);
    expect(readdirSync(dir)).toHaveLength(1);
    await runAt(6);
    expect(readdirSync(dir).sort()).toEqual(['loyalty-2026-11-23T10-00-00Z.db', 'loyalty-2026-11-23T16-00-00Z.db']);
  });

  it('removes the oldest beyond BACKUP_KEEP, and leaves other files alone', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'the operator’s own file');
    await runAt(0);
    await runAt(6);
    const third = await runAt(12);
    expect(third).toMatchObject({ kind: 'done', result: { taken: 1, removed: 1 } });
    expect(readdirSync(dir).sort()).toEqual([
      'loyalty-2026-11-23T16-00-00Z.db',
      'loyalty-2026-11-23T22-00-00Z.db',
      'notes.txt',
    ]);
  });

  it('copies the database as it stands at the run', async () => {
    await world.aMember();
    await runAt(0);
    const copy = new BetterSqlite3(join(dir, 'loyalty-2026-11-23T10-00-00Z.db'), { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM Member').get()).toEqual({ n: 1 });
    } finally {
      copy.close();
    }
  });
});
