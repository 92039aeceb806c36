// The admin token on the way in (ADMIN_TOKEN) and out (a generated one):
// `npm start`'s program run for real, as an operator would start it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'admin-token-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the program; stops it (SIGTERM) once it says it is running, or lets it exit by itself. */
function runProgram(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const base = {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      JOBS_INTERVAL_SECONDS: '0',
      DATABASE_URL: `file:${join(dir, 'data', 'loyalty.db')}`,
    };
    const child = spawn('node_modules/.bin/tsx', ['app/main.ts'], { cwd: repoRoot, env: { ...base, ...env } });
    const run: Run = { code: null, stdout: '', stderr: '' };
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      if (run.stdout.includes('Loyalty assistant is running')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ ...run, code });
    });
  });
}

describe('a generated admin token', () => {
  it('is written once to a file in the data directory that only its owner can read, and only its path is printed', async () => {
    const first = await runProgram({});
    const file = join(dir, 'data', 'admin-token');
    expect(first.stdout).toContain('Loyalty assistant is running');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(first.stdout).toContain(file);
    expect(first.stdout).not.toContain(token);
    expect(first.stderr).not.toContain(token);

    const second = await runProgram({});
    expect(second.stdout).toContain('Loyalty assistant is running');
    expect(second.stdout).not.toContain(file);
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
  }, 120_000);

  it('is not generated, and no file is written, when ADMIN_TOKEN is set', async () => {
    const run = await runProgram({ ADMIN_TOKEN: 'a-configured-admin-token-of-32-characters-or-more' });
    expect(run.stdout).toContain('Loyalty assistant is running');
    expect(existsSync(join(dir, 'data', 'admin-token'))).toBe(false);
  }, 60_000);
});

describe('a configured ADMIN_TOKEN', () => {
  it('is refused at start-up when shorter than 32 characters, in one line naming it and not repeating it', async () => {
    const short = 'only-twenty-one-char';
    const run = await runProgram({ ADMIN_TOKEN: short });
    const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(run.code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: ADMIN_TOKEN must be at least 32 characters long/);
    expect(run.stderr).not.toContain(short);
    expect(run.stdout).not.toContain('Loyalty assistant is running');
  }, 60_000);
});
