// Fresh, isolated databases for tests, on SQLite and on the PostgreSQL
// server that globalSetup started, migrated the way the application does it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { openDatabase, type Database, type Provider } from '../../core/storage/db/openDatabase.ts';

export interface TestDatabase extends Database {
  readonly url: string;
  /** Closes the client and deletes the database. */
  dispose(): Promise<void>;
}

const postgresUrl = inject('postgresUrl');
const postgresSkipReason = inject('postgresSkipReason');

/** The providers this run can test. */
export const providers: readonly Provider[] = postgresUrl ? ['sqlite', 'postgresql'] : ['sqlite'];

/**
 * A new empty database: a file in a fresh temp directory for SQLite, a
 * uniquely named database on the test server for PostgreSQL. Migrated unless
 * `migrate: false` (for tests of the migrator itself).
 */
export async function createTestDatabase(
  provider: Provider,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const { url, drop } = provider === 'sqlite' ? createSqliteFile() : await createPostgresDatabase();
  const db = openDatabase(url);
  try {
    if (options.migrate !== false) await migrateDatabase(db);
  } catch (error) {
    await db.close();
    await drop();
    throw error;
  }
  return {
    ...db,
    url,
    dispose: async () => {
      await db.close();
      await drop();
    },
  };
}

function createSqliteFile(): { url: string; drop: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-test-'));
  return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresUrl)
    throw new Error(
      `PostgreSQL is not available in this run: ${postgresSkipReason ?? 'globalSetup provided no server'}.`,
    );
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Declares the suite once per provider. The PostgreSQL copy is skipped, with
 * the reason in its title, only when no server is available outside CI
 * (globalSetup already fails a CI run without one).
 */
export function describeEachProvider(name: string, suite: (provider: Provider) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  if (postgresUrl) describe(`${name} [postgresql]`, () => suite('postgresql'));
  else
    describe.skip(`${name} [postgresql] (skipped: ${postgresSkipReason ?? 'PostgreSQL unavailable'})`, () =>
      suite('postgresql'));
}
