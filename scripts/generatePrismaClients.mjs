// Generates one Prisma client per provider from the single data model in
// prisma/schema.prisma. Prisma's query compiler is provider-specific, so the
// PostgreSQL client is generated from a copy whose only change is the
// provider and the output folder. Runs offline: `prisma generate` never
// starts the native schema engine, but the CLI wants its path to be set.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'prisma', 'schema.prisma');
const generatedDir = join(root, 'core', 'storage', 'generated');

export function postgresSchemaFrom(sqliteSchema) {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('../core/storage/generated/sqlite', './postgresql')
    .replace(/^(\s*)\/\/ postgresql: /gm, '$1');
}

export function generatePrismaClients() {
  mkdirSync(generatedDir, { recursive: true });
  const pgSchemaPath = join(generatedDir, 'schema.postgresql.prisma');
  writeFileSync(pgSchemaPath, postgresSchemaFrom(readFileSync(schemaPath, 'utf8')));
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  for (const schema of [schemaPath, pgSchemaPath]) {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--schema', schema],
      { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generatePrismaClients();
