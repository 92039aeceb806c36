import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { serializedSqlite } from './serializedSqlite.ts';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts';

export type Provider = 'sqlite' | 'postgresql';

/**
 * Both generated clients come from one data model, so their query APIs are
 * the same; the SQLite client's type stands for both.
 */
export type Prisma = SqliteClient;

/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

export interface Database {
  readonly provider: Provider;
  readonly prisma: Prisma;
  /** The PostgreSQL pool's connections as they stand (for the metrics); absent on SQLite, which is one connection. */
  readonly pool?: () => PoolUsage;
  close(): Promise<void>;
}

export interface PoolUsage {
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

/** Which provider a `DATABASE_URL` selects: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(':')[0]}:…".`,
  );
}

export interface OpenOptions {
  /** Called once per SQL statement; the benchmark counts queries with it. */
  onQuery?: () => void;
}

/** Opens a client with the driver adapter the URL asks for. Does not migrate. */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  const provider = providerOf(url);
  const log = options.onQuery ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {};
  if (provider === 'sqlite') return withQueryHook({ provider, prisma: openSqlite(url, log) }, options);
  // The pool is made here, not inside the adapter, so the metrics can read its counts; the adapter still ends it.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return withQueryHook(
    {
      provider,
      prisma: openPostgres(pool, log),
      pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    },
    options,
  );
}

function withQueryHook(opened: Omit<Database, 'close'>, options: OpenOptions): Database {
  if (options.onQuery) opened.prisma.$on('query' as never, options.onQuery);
  return { ...opened, close: () => opened.prisma.$disconnect() };
}

type LogOption = { log?: { emit: 'event'; level: 'query' }[] };

function openSqlite(url: string, log: LogOption): Prisma {
  const path = url.slice('file:'.length);
  if (path !== ':memory:') createPrivately(path);
  // `timeout` is better-sqlite3's busy timeout: a second process waits for the lock instead of failing.
  const adapter = serializedSqlite(new PrismaBetterSqlite3({ url: path, timeout: 5000 }));
  return new SqliteClient({ adapter, ...log }) as Prisma;
}

/**
 * The database holds members' names, phones and birthdays: its directory
 * (0700) and file (0600) are created readable by their owner only. SQLite
 * gives its journal and WAL files the database file's permissions. An
 * existing directory or file keeps the permissions its owner chose.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}

function openPostgres(pool: pg.Pool, log: LogOption): Prisma {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PostgresClient({ adapter, ...log }) as unknown as Prisma;
}
