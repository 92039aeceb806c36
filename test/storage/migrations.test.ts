import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { openDatabase, type Database, type Provider } from '../../core/storage/db/openDatabase.ts';
import {
  diagnoseMigrationHistory,
  diffMigrationsToSchema,
  migrationsDirOf,
  schemaFor,
} from '../../scripts/schemaEngine.ts';
import { createTestDatabase, describeEachProvider, providers, type TestDatabase } from '../support/testDatabase.ts';

const postgresUrl = inject('postgresUrl');

describe('committed migrations', () => {
  it.each(providers)('%s: migrations produce exactly prisma/schema.prisma', async (provider) => {
    const sql = await diffMigrationsToSchema(provider, { postgresUrl });
    expect(
      sql,
      `prisma/schema.prisma changed without a migration; run \`npm run migrations:create -- <name>\`. Missing SQL:\n${sql}`,
    ).toBe('');
  });

  it.each(providers)('%s: the drift check notices a schema change', async (provider) => {
    const datamodel = `${await schemaFor(provider)}\nmodel DriftProbe {\n  id String @id\n}\n`;
    expect(await diffMigrationsToSchema(provider, { postgresUrl, datamodel })).toContain('CREATE TABLE "DriftProbe"');
  });

  it('both providers have the same migration names and a Prisma lock file', () => {
    const names = (provider: Provider) =>
      readdirSync(migrationsDirOf(provider), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    expect(names('postgresql')).toEqual(names('sqlite'));
    for (const provider of ['sqlite', 'postgresql'] as const) {
      expect(readFileSync(join(migrationsDirOf(provider), 'migration_lock.toml'), 'utf8')).toContain(
        `provider = "${provider}"`,
      );
    }
  });
});

const committedNames = (provider: Provider) =>
  readdirSync(migrationsDirOf(provider), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: unknown;
  applied_steps_count: number | bigint;
}

const historyOf = (db: Database) =>
  db.prisma.$queryRawUnsafe<Row[]>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
  );

/** A migrations folder for one test: optionally the committed ones, plus the given scripts. */
function migrationsFolder(provider: Provider, extra: Record<string, string>, withCommitted = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-migrations-'));
  if (withCommitted) cpSync(migrationsDirOf(provider), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  folders.push(dir);
  return dir;
}
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeEachProvider('migrateDatabase', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
  });

  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    const first = await migrateDatabase(db);
    expect(first.applied).toEqual(committedNames(provider));

    const rows = await historyOf(db);
    expect(rows.map((row) => row.migration_name)).toEqual(committedNames(provider));
    for (const row of rows) {
      expect(row.checksum).toBe(sha256(join(migrationsDirOf(provider), row.migration_name, 'migration.sql')));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
    expect(await db.prisma.member.count()).toBe(0);

    expect(await migrateDatabase(db)).toEqual({ applied: [] });
    expect(await historyOf(db)).toHaveLength(rows.length);

    // Prisma's schema engine (the code behind `prisma migrate status`) sees a fully migrated database.
    expect(await diagnoseMigrationHistory(provider, db.url)).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it('refuses to run when an applied migration was edited', async () => {
    db = await createTestDatabase(provider);
    const [name] = committedNames(provider);
    await db.prisma.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET checksum = '${'0'.repeat(64)}' WHERE migration_name = '${name}'`,
    );
    await expect(migrateDatabase(db)).rejects.toThrow(
      new RegExp(`Migration ${name} was changed after it was applied .*Restore .*migration\\.sql from version control`),
    );
    expect((await diagnoseMigrationHistory(provider, db.url)).editedMigrationNames).toEqual([name]);
  });

  it('refuses to run when a failed migration is recorded', async () => {
    db = await createTestDatabase(provider);
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', '99999999999999_half_done', CURRENT_TIMESTAMP, 0)`,
    );
    await expect(migrateDatabase(db)).rejects.toThrow(
      /Migration 99999999999999_half_done is recorded as failed.*prisma migrate resolve --rolled-back 99999999999999_half_done/,
    );
  });

  it('rolls a failing migration back entirely, history row included', async () => {
    db = await createTestDatabase(provider);
    const dir = migrationsFolder(provider, {
      '99999999999999_broken': 'CREATE TABLE "Probe" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    });
    await expect(migrateDatabase(db, { migrationsDir: dir })).rejects.toThrow(
      /Migration 99999999999999_broken failed and was rolled back: .*NoSuchTable/,
    );
    expect((await historyOf(db)).map((row) => row.migration_name)).toEqual(committedNames(provider));
    await expect(db.prisma.$queryRawUnsafe('SELECT * FROM "Probe"')).rejects.toThrow(/Probe/);
  });

  it('lets instances that start together apply each migration exactly once', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    const slow =
      provider === 'postgresql'
        ? 'SELECT pg_sleep(0.3);'
        : 'CREATE TABLE "Slow" AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) SELECT x FROM n;';
    const dir = migrationsFolder(provider, {
      '99999999999991_slow': slow,
      '99999999999992_a': 'CREATE TABLE "ConcurrentA" ("id" INTEGER);',
      '99999999999993_b': 'CREATE TABLE "ConcurrentB" ("id" INTEGER);',
    });
    const all = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const results = await Promise.all([1, 2, 3].map(() => migrateElsewhere(provider, db!.url, dir)));
    expect(results.flat().sort()).toEqual(all);
    expect((await historyOf(db)).map((row) => row.migration_name)).toEqual(all);
  });
});

/**
 * Migrates from another connection: for PostgreSQL a second client in this
 * process; for SQLite a child process, since two SQLite connections in one
 * thread would block the thread that has to release the lock.
 */
async function migrateElsewhere(provider: Provider, url: string, migrationsDir: string): Promise<string[]> {
  if (provider === 'postgresql') {
    const other = openDatabase(url);
    try {
      return (await migrateDatabase(other, { migrationsDir })).applied;
    } finally {
      await other.close();
    }
  }
  const script = fileURLToPath(new URL('../support/migrateInProcess.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, url, migrationsDir]);
  return JSON.parse(stdout) as string[];
}

describe('migrateDatabase on SQLite', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
  });

  const parentChild = `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY);
CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL,
  CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
INSERT INTO "Parent" VALUES ('p');
INSERT INTO "Child" VALUES ('c', 'p');
`;

  it('rebuilds a referenced table the way Prisma does without cascading deletes', async () => {
    db = await createTestDatabase('sqlite', { migrate: false });
    // Prisma's SQLite "RedefineTables" pattern for a parent table.
    const rebuild = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL DEFAULT 'x');
INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;
    const dir = migrationsFolder(
      'sqlite',
      { '00000000000001_parent_child': parentChild, '00000000000002_rebuild_parent': rebuild },
      false,
    );
    await migrateDatabase(db, { migrationsDir: dir });
    expect(await db.prisma.$queryRawUnsafe('SELECT "id", "parentId" FROM "Child"')).toEqual([
      { id: 'c', parentId: 'p' },
    ]);
    expect(await db.prisma.$queryRawUnsafe('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1n }]);
    expect(await db.prisma.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('refuses a migration that leaves rows pointing nowhere', async () => {
    db = await createTestDatabase('sqlite', { migrate: false });
    const dir = migrationsFolder(
      'sqlite',
      {
        '00000000000001_parent_child': parentChild,
        '00000000000002_dangling': `INSERT INTO "Child" VALUES ('d', 'missing');`,
      },
      false,
    );
    await expect(migrateDatabase(db, { migrationsDir: dir })).rejects.toThrow(
      /00000000000002_dangling failed and was rolled back: 1 row\(s\) violate foreign keys, e\.g\. in Child referencing Parent/,
    );
    expect(await db.prisma.$queryRawUnsafe('SELECT "id" FROM "Child"')).toEqual([{ id: 'c' }]);
  });
});
