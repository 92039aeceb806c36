// `npm start` in a child process, as an operator runs it (without its set-up
// hook, which only installs what is already here). A signal sent to npm's
// process stops the server, and a Telegram turn in flight at that moment
// finishes: its reply is delivered and the update is recorded.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../support/fakeBotApi.ts';
import { commandUpdate } from '../support/telegramUpdates.ts';
import { startHoldingProxy, type HoldingProxy } from './support/holdingProxy.ts';

const ANNA = 4401;
const root = new URL('../../', import.meta.url).pathname;

let fake: FakeBotApi;
let proxy: HoldingProxy;
let dir: string;
let started: ChildProcess | undefined;

beforeEach(async () => {
  fake = await startFakeBotApi();
  proxy = await startHoldingProxy(fake.apiRoot, 'sendMessage');
  dir = mkdtempSync(join(tmpdir(), 'stop-test-'));
});

afterEach(async () => {
  // If the test failed, nothing it started may outlive it: npm leads its own process group.
  if (started?.pid !== undefined) killGroup(started.pid);
  proxy.release();
  await proxy.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function npmStart(): {
  child: ChildProcess;
  output: () => string;
  port: Promise<number>;
  exited: Promise<number | null>;
} {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'loyalty.db')}`,
    ADMIN_TOKEN: 'stop-test-admin-token-0123456789abcdef',
    JOBS_INTERVAL_SECONDS: '0',
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: proxy.url,
  };
  const child = spawn('npm', ['start', '--ignore-scripts', '--silent'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started = child;
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = waitFor(child, () => /web chat at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1]).then(Number);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, port, exited };
}

/** Resolves with what `find` returns once the child's output has it. */
function waitFor<T>(child: ChildProcess, find: () => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = find();
      if (found !== undefined) {
        child.stdout!.off('data', check);
        resolve(found);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', () => reject(new Error('npm start exited before the expected output')));
    check();
  });
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone, as it should be.
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('stopping what npm start started', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm stops the server after the turn in flight has finished',
    async (signal) => {
      const app = npmStart();
      const port = await app.port;
      fake.pushUpdate(commandUpdate(ANNA, '/start'));
      await proxy.held;

      app.child.kill(signal);
      await waitFor(app.child, () => (app.output().includes('shutting down') ? true : undefined));
      proxy.release();
      const code = await app.exited;

      expect(code, app.output()).toBe(0);
      expect(await isListening(port)).toBe(false);
      expect(fake.sentTexts(ANNA)).toEqual([expect.stringMatching(/^Здравствуйте!/)]);
      const db = new Database(join(dir, 'loyalty.db'), { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) AS n FROM ProcessedUpdate').get()).toEqual({ n: 1 });
      } finally {
        db.close();
      }
    },
    60_000,
  );
});
