import { providerOf } from './openDatabase.ts';

/**
 * The SQLite file a `DATABASE_URL` names (`file:./data/loyalty.db` is relative
 * to the working directory, as for the product itself); null on PostgreSQL,
 * whose backups are pg_dump's business.
 */
export function sqlitePathOf(url: string): string | null {
  if (providerOf(url) !== 'sqlite') return null;
  const path = url.slice('file:'.length).split('?')[0]!;
  if (path === ':memory:')
    throw new Error('DATABASE_URL is an in-memory database: there is no file to back up or restore.');
  return path;
}
