import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';

export type Provider = 'sqlite' | 'postgresql';

/**
 * Both generated clients come from one data model, so their query APIs are
 * the same; the SQLite client's type stands for both.
 */
export type Prisma = SqliteClient;

export interface Database {
  readonly provider: Provider;
  readonly prisma: Prisma;
  close(): Promise<void>;
}

/** Which provider a `DATABASE_URL` selects: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(':')[0]}:…".`);
}

/** Opens a client with the driver adapter the URL asks for. Does not migrate. */
export function openDatabase(url: string): Database {
  const provider = providerOf(url);
  const prisma = provider === 'sqlite' ? openSqlite(url) : openPostgres(url);
  return { provider, prisma, close: () => prisma.$disconnect() };
}

function openSqlite(url: string): Prisma {
  const path = url.slice('file:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // WAL lets readers proceed while a write commits; busy_timeout makes a second
  // process wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url: path, timeout: 5000 });
  return new SqliteClient({ adapter });
}

function openPostgres(url: string): Prisma {
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return new PostgresClient({ adapter }) as unknown as Prisma;
}
