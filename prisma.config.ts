// Configuration for the Prisma CLI (`prisma migrate status`, `migrate deploy`,
// `studio`…). The application does not need it: it applies the migrations
// itself at start-up (core/storage/db/migrateDatabase.ts). SQLite and PostgreSQL
// keep separate migration folders, so the folder and the schema follow the
// provider of DATABASE_URL, the way the application chooses its driver.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'prisma/config';

// The application reads .env; Prisma 7's CLI no longer does on its own.
if (existsSync('.env')) process.loadEnvFile('.env');

const url = process.env.DATABASE_URL || 'file:./data/loyalty.db';
// Deliberately not importing providerOf: that module loads the generated
// clients, and `prisma generate` itself reads this file before they exist.
const provider = url.startsWith('file:') ? 'sqlite' : 'postgresql';

export default defineConfig(
  provider === 'sqlite'
    ? {
        schema: 'prisma/schema.prisma',
        migrations: { path: 'prisma/migrations/sqlite' },
        // The application resolves the file from the working directory; say so
        // explicitly rather than rely on the CLI's own rule for relative paths.
        datasource: { url: `file:${resolve(url.slice('file:'.length))}` },
      }
    : {
        // Derived from prisma/schema.prisma by `npm run generate`.
        schema: 'core/storage/generated/schema.postgresql.prisma',
        migrations: { path: 'prisma/migrations/postgresql' },
        datasource: { url },
      },
);
