import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Pages per step: all of them, so the copy is taken in one read transaction and never restarts. */
const ALL_PAGES = 0x7fffffff;

/**
 * A consistent copy of the SQLite database at `databasePath`, taken with
 * SQLite's online backup while the product keeps writing: its own read-only
 * connection, one step, so the copy is the database as one transaction saw
 * it. Written under a temporary name and renamed, so `target` is never half
 * a copy; readable by its owner only, as the database is (it holds members'
 * phones and birthdays).
 */
export async function backupSqlite(databasePath: string, target: string): Promise<{ pages: number }> {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const partial = `${target}.${process.pid}.partial`;
  const source = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const progress = await source.backup(partial, { progress: () => ALL_PAGES });
    chmodSync(partial, 0o600);
    renameSync(partial, target);
    return { pages: progress.totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
