import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Provider } from '../core/storage/db/openDatabase.ts';
import { loadConfig } from '../app/config.ts';
import { createLogger } from '../app/logger.ts';
import { startApp, type RunningApp } from '../app/startApp.ts';
import { acquirePostgres } from '../test/support/postgres.ts';

/** p50, p95 and p99 of one kind of request, in milliseconds. */
export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/**
 * GETs `path()` (or POSTs `body` to it) one at a time over loopback HTTP,
 * `requests` times after `warmup` unmeasured ones (caches and the JIT), and
 * gives the percentiles.
 */
export async function timeRequests(
  base: string,
  path: () => string,
  { token, requests, warmup, body }: { token: string; requests: number; warmup: number; body?: unknown },
): Promise<Percentiles> {
  const latencies: number[] = [];
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init = {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  for (let i = 0; i < requests + warmup; i++) {
    const t0 = performance.now();
    const response = await fetch(`${base}${path()}`, init);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`The bench got ${response.status} for ${path()}.`);
    if (i >= warmup) latencies.push(performance.now() - t0);
  }
  return percentiles(latencies);
}

/** The percentiles of some latencies, in milliseconds. */
export function percentiles(latencies: readonly number[]): Percentiles {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

/**
 * A database of its own for one bench run: a SQLite file in a temporary
 * folder, or a fresh database on the PostgreSQL server the tests also use
 * (started on this machine); `skipped` says why there is none.
 */
export async function benchDatabase(
  provider: Provider,
  name: string,
): Promise<{ url: string; dispose: () => Promise<void> } | { skipped: string }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `loyalty-${name}-bench-`));
    return { url: `file:${join(dir, 'bench.db')}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const acquired = await acquirePostgres();
  if (!acquired.server) return { skipped: acquired.reason };
  const server = acquired.server;
  const database = `bench_${randomUUID().replaceAll('-', '')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  return {
    url: url.href,
    dispose: async () => {
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await server.stop();
    },
  };
}

/**
 * The whole application on loopback over `databaseUrl`, silent, with the
 * rate limits set above what a bench sends: it measures the path, not the
 * refusals. `env` adds or overrides variables.
 */
export function startBenchApp(
  databaseUrl: string,
  adminToken: string,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN: adminToken,
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    ...env,
  });
  return startApp(config, createLogger('silent'));
}
