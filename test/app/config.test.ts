import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const validToken = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/** The error loadConfig throws for `env`; fails the test when it does not throw. */
function configErrorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('uses the defaults of the configuration contract when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      DATABASE_URL: 'file:./data/loyalty.db',
      PORT: 3000,
      DEFAULT_LOCALE: 'ru',
      PROGRAM_TIMEZONE: 'Europe/Chisinau',
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      LOG_LEVEL: 'info',
    });
  });

  it('leaves unset what the contract leaves unset: webhook mode, admin token and Telegram stay off', () => {
    const config = loadConfig({});
    const unset = [config.PUBLIC_URL, config.ADMIN_TOKEN, config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_WEBHOOK_SECRET];
    expect(unset).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads the values it is given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://loyalty@127.0.0.1:5432/loyalty',
      PORT: '8080',
      PUBLIC_URL: 'https://loyalty.example.md',
      DEFAULT_LOCALE: 'ro',
      PROGRAM_TIMEZONE: 'Europe/Bucharest',
      TELEGRAM_BOT_TOKEN: validToken,
      TELEGRAM_WEBHOOK_SECRET: 'webhook-secret_1',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({ PORT: 8080, DEFAULT_LOCALE: 'ro', PROGRAM_TIMEZONE: 'Europe/Bucharest', LOG_LEVEL: 'warn' });
  });

  it('treats an empty PORT as unset, not as "any free port"', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '30.5' }],
    ['DEFAULT_LOCALE', { DEFAULT_LOCALE: 'de' }],
    ['PROGRAM_TIMEZONE', { PROGRAM_TIMEZONE: 'Mars/Base' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['TELEGRAM_BOT_TOKEN', { TELEGRAM_BOT_TOKEN: 'bad' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'nope' }],
    ['TELEGRAM_WEBHOOK_SECRET', { PUBLIC_URL: 'https://loyalty.example.md', TELEGRAM_BOT_TOKEN: validToken }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ])('refuses an invalid %s with one line naming it (%j)', (name, env) => {
    const { message } = configErrorFor(env);
    expect(message).not.toContain('\n');
    expect(message).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it.each([
    ['TELEGRAM_BOT_TOKEN', { TELEGRAM_BOT_TOKEN: 'bad-token-Xq7Zk2' }, 'Xq7Zk2'],
    ['TELEGRAM_WEBHOOK_SECRET', { TELEGRAM_WEBHOOK_SECRET: 'has spaces Xq7Zk2' }, 'Xq7Zk2'],
    ['ADMIN_TOKEN', { ADMIN_TOKEN: 'Xq7Zk2' }, 'Xq7Zk2'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://loyalty:Xq7Zk2@db/loyalty' }, 'Xq7Zk2'],
  ])('never repeats the value of a secret %s', (name, env, secret) => {
    const { message } = configErrorFor(env);
    expect(message).toContain(name);
    expect(message).not.toContain(secret);
  });

  it('does not repeat the bot token when the webhook secret is missing', () => {
    const { message } = configErrorFor({ PUBLIC_URL: 'https://loyalty.example.md', TELEGRAM_BOT_TOKEN: validToken });
    expect(message).not.toContain(validToken.split(':')[1]);
  });
});

describe('starting the program with an invalid configuration', () => {
  it('exits with code 1 and one line on stderr naming the variable, without a stack trace', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        'node_modules/.bin/tsx',
        ['app/main.ts'],
        { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: 'abc' }, timeout: 20_000 },
        (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
      );
    });
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(result.code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bPORT\b/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
