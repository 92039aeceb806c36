// `npm run analytics:rebuild`: rebuilds the analytics roll-ups (DailyFigures,
// MemberMonth) from the receipts, the members and the ledger, in one
// transaction, in the programme's time zone. The first start of a version
// that adds them builds them once; run this after changing PROGRAM_TIMEZONE.
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../app/config.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase } from '../core/storage/db/openDatabase.ts';
import { useFiguresTimezone } from '../core/storage/analytics/figuresCalendar.ts';
import { rebuildFigures } from '../core/storage/analytics/rebuildFigures.ts';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const db = openDatabase(config.DATABASE_URL);
  try {
    await migrateDatabase(db);
    useFiguresTimezone(config.PROGRAM_TIMEZONE);
    const started = performance.now();
    const rebuilt = await rebuildFigures(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Analytics rebuilt in ${seconds} s: ${rebuilt.days} days, ${rebuilt.memberMonths} member-months (${config.PROGRAM_TIMEZONE}).\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const line = error instanceof ConfigError ? error.message : `Could not rebuild: ${(error as Error).message}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
