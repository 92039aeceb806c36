// Applies the committed SQL migrations at start-up, so a deployment needs
// neither the Prisma CLI nor its native engine. Every migration is recorded in
// Prisma's own `_prisma_migrations` table exactly as `prisma migrate deploy`
// records it, so `prisma migrate status/deploy` agree with what ran here.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Prisma, Provider } from './openDatabase.ts';
import { splitSqliteScript } from './splitSqliteScript.ts';

export interface MigrateOptions {
  log?: (message: string) => void;
  /** Folder of `<name>/migration.sql` folders; defaults to the committed `prisma/migrations/<provider>`. */
  migrationsDir?: string;
}

interface Migration {
  name: string;
  script: string;
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
}

type Queryable = Pick<Prisma, '$executeRawUnsafe' | '$queryRawUnsafe'>;

/** Located from this file, not the working directory, so any cwd works. */
const committedMigrations = fileURLToPath(new URL('../../../prisma/migrations/', import.meta.url));

/** Prisma's own advisory-lock key: `prisma migrate deploy` and we wait for each other. */
const PRISMA_LOCK_KEY = 72707369;

/** A slow migration on a big table may take minutes; the default 5 s would abort it. */
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 30 * 60_000 };

/** While one instance migrates, another starting at the same moment waits this long for SQLite's write lock. */
const SQLITE_BUSY_TIMEOUT_MS = 60_000;

/** The DDL Prisma's schema engine uses, verbatim, plus IF NOT EXISTS (which SQLite drops from the stored text). */
const HISTORY_TABLE: Record<Provider, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`,
};

/** "Now" as each provider's Prisma engine writes it (SQLite: ISO text like 2025-01-31T09:30:00.123+00:00). */
const NOW: Record<Provider, string> = {
  sqlite: `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`,
  postgresql: 'clock_timestamp()',
};

export async function migrateDatabase(db: Database, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const dir = options.migrationsDir ?? join(committedMigrations, db.provider);
  const migrations = await readMigrations(dir);
  const { prisma, provider } = db;
  const restore = provider === 'sqlite' ? await prepareSqlite(prisma) : async () => {};
  const applied: string[] = [];
  try {
    // One transaction per migration, each taking the lock and re-reading the
    // history, so instances starting together apply each migration once.
    for (let first = true; ; first = false) {
      const name = await prisma.$transaction(async (tx) => {
        await lockHistory(tx, provider);
        const history = await tx.$queryRawUnsafe<HistoryRow[]>(
          'SELECT migration_name, checksum, finished_at, rolled_back_at, started_at FROM _prisma_migrations ORDER BY started_at',
        );
        const done = checkHistory(history, migrations, dir, first ? log : () => {});
        const next = migrations.find((migration) => !done.has(migration.name));
        if (!next) return undefined;
        log(`Applying migration ${next.name}`);
        await apply(tx, provider, next);
        return next.name;
      }, TRANSACTION_OPTIONS);
      if (!name) break;
      applied.push(name);
    }
  } finally {
    await restore();
  }
  log(applied.length > 0 ? `Applied ${applied.length} migration(s)` : 'Database schema is up to date');
  return { applied };
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `Cannot read the migrations folder ${dir} (${error.code ?? error.message}); it ships with the application.`,
    );
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(dir, name, 'migration.sql'));
      return { name, script: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
}

/**
 * SQLite settings for migrating. WAL lets readers continue while a write
 * commits and is a property of the file, so setting it once here serves every
 * later connection. Foreign keys go off for the duration (the SQLite-documented
 * way to rebuild tables): `PRAGMA foreign_keys` is ignored inside a
 * transaction, so Prisma's own OFF/ON around a table rebuild would not work,
 * and dropping the old table with them on would fire ON DELETE CASCADE.
 */
async function prepareSqlite(prisma: Prisma): Promise<() => Promise<void>> {
  const [busy] = await prisma.$queryRawUnsafe<{ timeout: number | bigint }[]>('PRAGMA busy_timeout');
  await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = OFF');
  // Outside the transaction: SQLite serialises concurrent CREATEs itself.
  await prisma.$executeRawUnsafe(HISTORY_TABLE.sqlite);
  return async () => {
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${Number(busy?.timeout ?? 5000)}`);
  };
}

/** Makes concurrent migrators queue; the lock lasts until the transaction ends. */
async function lockHistory(tx: Queryable, provider: Provider): Promise<void> {
  if (provider === 'postgresql') {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PRISMA_LOCK_KEY})`);
    await tx.$executeRawUnsafe(HISTORY_TABLE.postgresql);
  } else {
    // The adapter opens a deferred transaction; a write as its first statement
    // takes the write lock at once (waiting up to busy_timeout), instead of
    // failing later when a read snapshot turns out to be stale.
    await tx.$executeRawUnsafe('UPDATE "_prisma_migrations" SET "id" = "id" WHERE 0');
  }
}

/**
 * The names of the applied migrations, after refusing the states that
 * `prisma migrate deploy` refuses (a failed migration) and one it lets pass
 * but we do not (an applied migration whose file was edited since).
 */
function checkHistory(
  history: HistoryRow[],
  migrations: Migration[],
  dir: string,
  log: (message: string) => void,
): Set<string> {
  const files = new Map(migrations.map((migration) => [migration.name, migration]));
  const problems: string[] = [];
  const done = new Set<string>();
  for (const row of history) {
    if (row.rolled_back_at !== null) continue; // kept by Prisma as an audit trail only
    const name = row.migration_name;
    if (row.finished_at === null) {
      problems.push(
        `Migration ${name} is recorded as failed (started ${String(row.started_at)}), so the database may be half-migrated. ` +
          `Repair the database by hand, then run \`npx prisma migrate resolve --rolled-back ${name}\` (or \`--applied ${name}\`) and start again.`,
      );
      continue;
    }
    done.add(name);
    const file = files.get(name);
    if (!file) {
      log(
        `Warning: migration ${name} was applied to this database but is not in ${dir}; the database is newer than this code.`,
      );
    } else if (!checksumMatches(file.script, row.checksum)) {
      problems.push(
        `Migration ${name} was changed after it was applied (checksum ${row.checksum} in _prisma_migrations, ${file.checksum} on disk). ` +
          `Restore ${join(dir, name, 'migration.sql')} from version control and put the change in a new migration (npm run migrations:create -- <name>).`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`Refusing to migrate the database:\n- ${problems.join('\n- ')}`);
  return done;
}

/**
 * Prisma's rule: the checksum of the file, or of it with Windows or Unix line
 * endings (git may convert them), in current or legacy (unpadded) hex.
 */
function checksumMatches(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant, 'utf8').digest();
    const hex = recorded.length === 64 ? digest.toString('hex') : [...digest].map((byte) => byte.toString(16)).join('');
    return hex === recorded;
  });
}

async function apply(tx: Queryable, provider: Provider, migration: Migration): Promise<void> {
  const id = randomUUID();
  const param = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');
  await tx.$executeRawUnsafe(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (${param(1)}, ${param(2)}, ${param(3)}, ${NOW[provider]}, 0)`,
    id,
    migration.checksum,
    migration.name,
  );
  try {
    if (provider === 'postgresql') {
      // Without parameters the pg driver uses the simple query protocol, where
      // PostgreSQL itself splits a multi-statement script (dollar quotes and all).
      await tx.$executeRawUnsafe(migration.script);
    } else {
      for (const statement of splitSqliteScript(migration.script)) await tx.$executeRawUnsafe(statement);
      const broken = await tx.$queryRawUnsafe<{ table: string; parent: string }[]>('PRAGMA foreign_key_check');
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new Error(
          `${broken.length} row(s) violate foreign keys, e.g. in ${first.table} referencing ${first.parent}`,
        );
      }
    }
  } catch (error) {
    // The transaction rolls back, history row included, so the next start
    // simply tries again once the migration or the data is fixed.
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${databaseMessage(error)}`, {
      cause: error,
    });
  }
  // One step per migration file, as Prisma counts them.
  await tx.$executeRawUnsafe(
    `UPDATE _prisma_migrations SET finished_at = ${NOW[provider]}, applied_steps_count = 1 WHERE id = ${param(1)}`,
    id,
  );
}

/** The database's own words, without Prisma's "Invalid `prisma.$executeRawUnsafe()` invocation" wrapping. */
function databaseMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const raw = /Raw query failed\. Code: `([^`]*)`\. Message: `([\s\S]*)`\s*$/.exec(text);
  return raw ? `${raw[2]} (${raw[1]})` : text.trim();
}
