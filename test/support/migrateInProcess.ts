// Child-process entry for the concurrency tests: migrates the database at
// argv[2] with the migrations in argv[3] and prints the applied names as JSON.
// SQLite's locking can only be exercised across processes: two connections in
// one process block the one thread that would release the lock.
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { openDatabase } from '../../core/storage/db/openDatabase.ts';

const [url, migrationsDir] = process.argv.slice(2);
if (!url || !migrationsDir) throw new Error('usage: migrateInProcess.ts <database url> <migrations dir>');
const db = openDatabase(url);
try {
  const { applied } = await migrateDatabase(db, { migrationsDir });
  process.stdout.write(JSON.stringify(applied));
} finally {
  await db.close();
}
