// Driver adapter factories for the WebAssembly schema engine, with the small
// shims that Prisma 7.10's adapters need before the engine can use them for
// migrations (the Prisma CLI itself still uses the native engine, so these
// paths are not exercised upstream).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Provider } from '../core/storage/db/openDatabase.ts';

export interface TrackedFactory {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Closes every connection the engine opened; freeing the engine does not. */
  disposeAll(): Promise<void>;
}

/**
 * A factory for the engine: `databaseUrl` is the live database (if the command
 * needs one); shadow databases are in memory for SQLite and created on the
 * server at `postgresUrl` (or `databaseUrl`) for PostgreSQL.
 */
export function adapterFactoryFor(provider: Provider, postgresUrl?: string, databaseUrl?: string): TrackedFactory {
  const opened: SqlDriverAdapter[] = [];
  // The engine disposes some connections itself and leaves others open, so
  // every connection is tracked and disposed of at most once.
  const track = async (adapter: Promise<SqlDriverAdapter>) => {
    const connected = await adapter;
    const dispose = connected.dispose.bind(connected);
    let disposed: Promise<void> | undefined;
    connected.dispose = () => (disposed ??= dispose());
    opened.push(connected);
    return connected;
  };
  const disposeAll = async () => {
    for (const adapter of opened.splice(0)) await adapter.dispose();
  };
  if (provider === 'sqlite') {
    const inner = new PrismaBetterSqlite3({ url: databaseUrl ? databaseUrl.replace(/^file:/, '') : ':memory:' });
    const factory: SqlMigrationAwareDriverAdapterFactory = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: () => track(inner.connect()),
      connectToShadowDb: async () => {
        // The engine replays each migration file into the shadow database with
        // one executeRaw call, but better-sqlite3 prepares one statement at a
        // time; a file without parameters goes through exec() instead.
        const adapter = await inner.connectToShadowDb();
        const executeRaw = adapter.executeRaw.bind(adapter);
        adapter.executeRaw = async (query) => {
          if (query.args.length > 0) return executeRaw(query);
          await adapter.executeScript(query.sql);
          return 0;
        };
        return track(Promise.resolve(adapter));
      },
    };
    return { factory, disposeAll };
  }
  const url = databaseUrl ?? postgresUrl;
  if (!url) throw new Error('A PostgreSQL URL is required.');
  const inner = new PrismaPg({ connectionString: url, Client: CatalogReadingClient });
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => track(inner.connect()),
    // PrismaPg's own shadow database ignores the database name when given a
    // connection string (pg lets the string win), so create and drop it here.
    connectToShadowDb: async () => {
      const name = `shadow_${randomUUID().replaceAll('-', '')}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const adapter = await new PrismaPg({ connectionString: shadowUrl.href, Client: CatalogReadingClient }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return track(Promise.resolve(adapter));
    },
  };
  return { factory, disposeAll };
}

/**
 * The engine reads PostgreSQL's catalogs, where some columns have the internal
 * one-byte type "char" (OID 18) that @prisma/adapter-pg 7.10 refuses to map
 * ("Column type 'char' could not be deserialized"). Its values arrive as plain
 * strings, so reporting the column as text is all it takes.
 */
class CatalogReadingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const relabel = (result: unknown) => {
      for (const one of Array.isArray(result) ? result : [result]) {
        for (const field of (one as pg.QueryResult | undefined)?.fields ?? [])
          if (field.dataTypeID === 18) field.dataTypeID = 25;
      }
      return result;
    };
    const query = super.query.bind(this) as (...a: unknown[]) => unknown;
    const callback =
      typeof args.at(-1) === 'function' ? (args.pop() as (error: unknown, result: unknown) => void) : undefined;
    if (callback)
      return query(...args, (error: unknown, result: unknown) =>
        callback(error, error ? result : relabel(result)),
      ) as never;
    return (query(...args) as Promise<unknown>).then(relabel) as never;
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
