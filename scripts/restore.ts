// `npm run restore -- <file>`: replaces the embedded SQLite database with a
// backup, with the product stopped; the replaced file is kept aside. On
// PostgreSQL it says which command to use instead.
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../app/config.ts';
import { restoreSqlite } from '../core/storage/db/restoreSqlite.ts';
import { sqlitePathOf } from '../core/storage/db/sqlitePathOf.ts';

function main(): void {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const backup = process.argv[2];
  const path = sqlitePathOf(config.DATABASE_URL);
  if (path === null) {
    process.stdout.write(
      'DATABASE_URL is PostgreSQL: restore with pg_restore --clean --if-exists (README, "Backups").\n',
    );
    return;
  }
  if (!backup) throw new Error('name the backup file: npm run restore -- backups/loyalty.db');
  const { keptAside } = restoreSqlite(backup, path, new Date());
  const aside = keptAside ? `; the database it replaced is kept as ${keptAside}` : '';
  process.stdout.write(`Restored ${path} from ${backup}${aside}. Start the product as usual.\n`);
}

try {
  main();
} catch (error) {
  const line = error instanceof ConfigError ? error.message : `Could not restore: ${(error as Error).message}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
