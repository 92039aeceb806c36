import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupShelf } from '../../backup/backupJobs.ts';
import { backupSqlite } from './backupSqlite.ts';

/** Scheduled backups of the SQLite database at `databasePath`, as files in `dir` (created 0700 when missing). */
export function createBackupShelf(dir: string, databasePath: string): BackupShelf {
  return {
    names: async () => {
      try {
        return await readdir(dir);
      } catch (error) {
        // No directory yet: no backup has been taken; the first one creates it.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
    take: async (name) => {
      await backupSqlite(databasePath, join(dir, name));
    },
    remove: (name) => rm(join(dir, name), { force: true }),
  };
}
