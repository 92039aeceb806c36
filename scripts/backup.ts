// `npm run backup -- <file>`: a consistent copy of the embedded SQLite
// database, taken while the product runs (SQLite's online backup). On
// PostgreSQL it says which command to use instead.
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../app/config.ts';
import { backupSqlite } from '../core/storage/db/backupSqlite.ts';
import { sqlitePathOf } from '../core/storage/db/sqlitePathOf.ts';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const target = process.argv[2];
  const path = sqlitePathOf(config.DATABASE_URL);
  if (path === null) {
    process.stdout.write('DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc (README, "Backups").\n');
    return;
  }
  if (!target) throw new Error('name the backup file: npm run backup -- backups/loyalty.db');
  const { pages } = await backupSqlite(path, target);
  process.stdout.write(`Backed up ${path} to ${target} (${pages} pages).\n`);
}

main().catch((error: unknown) => {
  const line = error instanceof ConfigError ? error.message : `Could not back up: ${(error as Error).message}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
