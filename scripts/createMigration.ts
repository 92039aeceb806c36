// `npm run migrations:create -- <name>`: writes the next migration for SQLite
// and for PostgreSQL from the difference between the committed migrations and
// prisma/schema.prisma. Offline: Prisma's WebAssembly schema engine computes
// the SQL. The PostgreSQL side needs a server (the engine asks for its version
// and replays the migrations in a scratch database): SHADOW_DATABASE_URL,
// else TEST_POSTGRES_URL, else a throwaway cluster of Debian's postgresql.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquirePostgres, type PostgresServer } from '../test/support/postgres.ts';
import {
  allProviders,
  diffMigrationsToSchema,
  migrationLockToml,
  migrationsDirOf,
  type Provider,
} from './schemaEngine.ts';

/** `20250131093000`: the UTC timestamp Prisma puts in front of migration names. */
export function migrationTimestamp(now = new Date()): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Prisma-style folder suffix: lower case, words joined by underscores. */
export function migrationSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

async function main(): Promise<void> {
  const slug = migrationSlug(process.argv.slice(2).join(' '));
  if (!slug) {
    console.error('Usage: npm run migrations:create -- <name>   (for example: add_member_email)');
    process.exitCode = 2;
    return;
  }
  const folder = `${migrationTimestamp()}_${slug}`;
  // Both scripts are computed before anything is written, so a failure never
  // leaves one provider with a migration the other lacks.
  const scripts = new Map<Provider, string>();
  let server: PostgresServer | undefined;
  try {
    let postgresUrl = process.env.SHADOW_DATABASE_URL;
    if (!postgresUrl) {
      const acquired = await acquirePostgres();
      if (!acquired.server)
        throw new Error(
          `The PostgreSQL migration needs a PostgreSQL server: ${acquired.reason}, or set SHADOW_DATABASE_URL.`,
        );
      server = acquired.server;
      postgresUrl = server.url;
    }
    for (const provider of allProviders) scripts.set(provider, await diffMigrationsToSchema(provider, { postgresUrl }));
  } finally {
    await server?.stop();
  }
  for (const [provider, sql] of scripts) {
    const baseDir = migrationsDirOf(provider);
    if (!sql) {
      console.log(`${provider}: the migrations already match prisma/schema.prisma; nothing written.`);
      continue;
    }
    const dir = join(baseDir, folder);
    if (existsSync(dir))
      throw new Error(`${relative(process.cwd(), dir)} already exists; wait a second and run again.`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'migration.sql'), sql);
    await writeFile(join(baseDir, 'migration_lock.toml'), migrationLockToml(provider));
    console.log(`${provider}: wrote ${relative(process.cwd(), join(dir, 'migration.sql'))}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
