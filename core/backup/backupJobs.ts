import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import { fileStampOf, timeOfFileStamp } from './fileStampOf.ts';

/** Where scheduled backups are kept: a directory, in production. */
export interface BackupShelf {
  /** The names of the files on the shelf (any files; the job keeps to its own). */
  names(): Promise<string[]>;
  /** Takes a consistent copy of the database under `name`. */
  take(name: string): Promise<void>;
  remove(name: string): Promise<void>;
}

/** BACKUP_DIR, BACKUP_EVERY_HOURS and BACKUP_KEEP, with the shelf they describe. */
export interface BackupSchedule {
  shelf: BackupShelf;
  everyHours: number;
  keep: number;
}

/** The job's own files: `loyalty-<time>.db`, so that their names sort as their times do. */
const BACKUP_NAME = /^loyalty-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/;

/**
 * The scheduled backup: on the first run at least `everyHours` after the
 * newest backup on the shelf it takes one, then removes the oldest beyond
 * `keep`. The shelf itself says when the last one was taken, so a restart
 * neither skips a backup nor takes an extra one; the run's claim keeps two
 * instances from taking it together.
 */
export function backupJobs(schedule: BackupSchedule): ScheduledJob[] {
  return [{ name: 'backup-scheduled', run: (now) => backUpIfDue(schedule, now) }];
}

async function backUpIfDue(schedule: BackupSchedule, now: Date): Promise<{ taken: number; removed: number }> {
  const taken = (await schedule.shelf.names()).filter((name) => BACKUP_NAME.test(name)).sort();
  const newest = taken.length > 0 ? timeOfFileStamp(taken[taken.length - 1]!) : null;
  if (newest && now.getTime() - newest.getTime() < schedule.everyHours * 3_600_000) return { taken: 0, removed: 0 };
  const name = `loyalty-${fileStampOf(now)}.db`;
  await schedule.shelf.take(name);
  const kept = [...taken.filter((other) => other !== name), name];
  const stale = kept.slice(0, Math.max(0, kept.length - schedule.keep));
  for (const old of stale) await schedule.shelf.remove(old);
  return { taken: 1, removed: stale.length };
}
