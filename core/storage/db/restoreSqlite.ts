import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileStampOf } from '../../backup/fileStampOf.ts';

/** What restoring did: where the database that was replaced now lies (null when there was none). */
export interface Restored {
  keptAside: string | null;
}

/**
 * Replaces the SQLite database at `databasePath` with the backup at
 * `backupPath`, once the backup is known to be an intact database of this
 * product and nothing has the database open. The replaced file is kept
 * aside under `<name>.before-restore-<time>`, never deleted.
 */
export function restoreSqlite(backupPath: string, databasePath: string, now: Date): Restored {
  checkBackup(backupPath);
  mkdirSync(dirname(databasePath), { recursive: true, mode: 0o700 });
  // The copy is made before the database is moved, so a full disk leaves the database where it was.
  const incoming = `${databasePath}.${process.pid}.restoring`;
  copyFileSync(backupPath, incoming);
  chmodSync(incoming, 0o600);
  try {
    const keptAside = existsSync(databasePath) ? setAside(databasePath, now) : null;
    renameSync(incoming, databasePath);
    return { keptAside };
  } finally {
    rmSync(incoming, { force: true });
  }
}

/** Refuses a file that is not an intact SQLite database with this product's migrations. */
function checkBackup(path: string): void {
  if (!existsSync(path)) throw new Error(`${path} does not exist.`);
  let backup: BetterSqlite3.Database | undefined;
  try {
    backup = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const migrations = backup
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get() as { n: number };
    if (migrations.n !== 1) throw new NotOurs(path);
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new Error(`${path} is damaged (SQLite's quick_check says: ${String(check)}); nothing was replaced.`);
  } catch (error) {
    if (error instanceof BetterSqlite3.SqliteError && /not a database|malformed/i.test(error.message))
      throw new NotOurs(path);
    throw error;
  } finally {
    backup?.close();
  }
}

class NotOurs extends Error {
  constructor(path: string) {
    super(`${path} is not a backup of this product (no SQLite database with its migrations); nothing was replaced.`);
  }
}

/**
 * The product keeps its database in WAL mode with a connection open for as
 * long as it runs; leaving WAL needs every other connection closed, so it
 * fails fast while the product runs (the cheap way to tell), and once it
 * succeeds the whole database is in the one file that is moved aside.
 */
function setAside(databasePath: string, now: Date): string {
  const live = new BetterSqlite3(databasePath, { fileMustExist: true, timeout: 0 });
  try {
    live.pragma('journal_mode = DELETE');
  } catch (error) {
    if (error instanceof BetterSqlite3.SqliteError && /locked|busy/i.test(error.message))
      throw new Error(
        `${databasePath} is in use: stop the product (and every other program using it) first; nothing was replaced.`,
      );
    throw error;
  } finally {
    live.close();
  }
  const aside = `${databasePath}.before-restore-${fileStampOf(now)}`;
  renameSync(databasePath, aside);
  return aside;
}
