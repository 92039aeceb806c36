import type { BackupSchedule } from '../core/backup/backupJobs.ts';
import { createBackupShelf } from '../core/storage/db/createBackupShelf.ts';
import { sqlitePathOf } from '../core/storage/db/sqlitePathOf.ts';
import type { Config } from './config.ts';

/** The scheduled backup BACKUP_DIR asks for; none when it is unset (the default). */
export function backupScheduleOf(config: Config): BackupSchedule | undefined {
  const path = sqlitePathOf(config.DATABASE_URL);
  // The configuration refuses BACKUP_DIR on PostgreSQL, so a set BACKUP_DIR always has a file to copy.
  if (!config.BACKUP_DIR || path === null) return undefined;
  return {
    shelf: createBackupShelf(config.BACKUP_DIR, path),
    everyHours: config.BACKUP_EVERY_HOURS,
    keep: config.BACKUP_KEEP,
  };
}
