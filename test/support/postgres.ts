// A real PostgreSQL server on loopback for tests and for migration tooling:
// either the one named by TEST_POSTGRES_URL or a throwaway cluster started
// from Debian's `postgresql` package in a temporary directory.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** Superuser URL of the maintenance database, e.g. postgresql://postgres@127.0.0.1:54321/postgres */
  readonly url: string;
  stop(): Promise<void>;
}

/** The newest `/usr/lib/postgresql/<major>/bin` that holds a server, or undefined. */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const majors = readdirSync(base)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return majors
    .map((major) => join(base, major, 'bin'))
    .find((bin) => ['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(join(bin, tool))));
}

/**
 * The server the caller should use: TEST_POSTGRES_URL when set (checked to
 * answer), otherwise a throwaway cluster, otherwise undefined with the reason.
 */
export async function acquirePostgres(): Promise<{ server: PostgresServer } | { server?: undefined; reason: string }> {
  const given = process.env.TEST_POSTGRES_URL;
  if (given) {
    await waitUntilAnswering(given, 10_000).catch((error: Error) => {
      throw new Error(`TEST_POSTGRES_URL does not answer: ${error.message}`);
    });
    return { server: { url: given, stop: async () => {} } };
  }
  const bin = findPostgresBin();
  if (!bin)
    return {
      reason:
        'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin); run `node scripts/setup.mjs --test` or set TEST_POSTGRES_URL',
    };
  return { server: await startThrowawayPostgres(bin) };
}

/**
 * initdb + pg_ctl in a fresh temp directory, trust authentication, listening
 * only on 127.0.0.1 at a free port, with durability switched off because the
 * data is thrown away. PostgreSQL refuses to run as root, so when we are root
 * the cluster belongs to the `postgres` user that Debian's package creates.
 */
export async function startThrowawayPostgres(bin: string): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, tool), ...args] : [join(bin, tool), ...args];
    return execFileSync(command[0]!, command.slice(1), {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${lastLines(error)}`);
  }
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already gone; the directory is removed either way.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  stopWhenThisProcessDies(dir, join(bin, 'pg_ctl'), asRoot);
  try {
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  } catch (error) {
    stopNow();
    throw new Error(`pg_ctl start failed: ${lastLines(error)}`);
  }
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilAnswering(url, 30_000);
  return {
    url,
    stop: async () => stopNow(),
  };
}

/**
 * A run killed by a signal (Ctrl-C, a CI timeout) runs no JavaScript on the
 * way out, so a detached shell watches this process and stops the server
 * and removes its directory once the process is gone.
 */
function stopWhenThisProcessDies(dir: string, pgCtl: string, asRoot: boolean): void {
  const script = [
    'while kill -0 "$PARENT" 2>/dev/null; do sleep 1; done',
    'if [ -d "$DIR/data" ]; then $AS_OWNER "$PG_CTL" -D "$DIR/data" -m immediate -w stop; fi',
    'rm -rf "$DIR"',
  ].join('\n');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    PARENT: String(process.pid),
    DIR: dir,
    PG_CTL: pgCtl,
    AS_OWNER: asRoot ? 'runuser -u postgres --' : '',
  };
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore', env }).unref();
}

async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function lastLines(error: unknown): string {
  const { stderr, message } = error as { stderr?: string; message?: string };
  return (stderr?.trim() || message || String(error)).split('\n').slice(-5).join('\n');
}
