import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.ts';
import { deskSettingsFrom } from '../../app/desk.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const validToken = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const slack = {
  SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-Xq7Zk2BotToken',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99aabbcc85a5',
  SLACK_STAFF_CHANNEL: 'C0STAFF001',
};

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
    expect(config).toMatchObject({
      PORT: 8080,
      DEFAULT_LOCALE: 'ro',
      PROGRAM_TIMEZONE: 'Europe/Bucharest',
      LOG_LEVEL: 'warn',
    });
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

describe('loadConfig for the staff desk in Slack', () => {
  it('leaves the desk off and uses the contract’s defaults when nothing is set', () => {
    const config = loadConfig({});
    expect([
      config.SLACK_BOT_TOKEN,
      config.SLACK_SIGNING_SECRET,
      config.SLACK_STAFF_CHANNEL,
      config.STAFF_LOCALE,
    ]).toEqual([undefined, undefined, undefined, undefined]);
    expect(config).toMatchObject({
      SLACK_API_URL: 'https://slack.com/api/',
      SLACK_RATE_PER_SECOND: 1,
      DESK_EXPECTED_WAIT_MINUTES: 15,
      DESK_REANNOUNCE_MINUTES: [10, 30],
      DESK_SHOW_STAFF_NAME: true,
    });
  });

  it('reads the values it is given', () => {
    const config = loadConfig({
      ...slack,
      SLACK_API_URL: 'http://127.0.0.1:8099/api/',
      SLACK_RATE_PER_SECOND: '3',
      DESK_EXPECTED_WAIT_MINUTES: '45',
      DESK_REANNOUNCE_MINUTES: '5, 20,60',
      DESK_SHOW_STAFF_NAME: 'false',
      STAFF_LOCALE: 'en',
    });
    expect(config).toMatchObject({
      ...slack,
      SLACK_API_URL: 'http://127.0.0.1:8099/api/',
      SLACK_RATE_PER_SECOND: 3,
      DESK_EXPECTED_WAIT_MINUTES: 45,
      DESK_REANNOUNCE_MINUTES: [5, 20, 60],
      DESK_SHOW_STAFF_NAME: false,
      STAFF_LOCALE: 'en',
    });
  });

  it('accepts a private staff channel (G…)', () => {
    expect(loadConfig({ ...slack, SLACK_STAFF_CHANNEL: 'G0PRIVATE1' }).SLACK_STAFF_CHANNEL).toBe('G0PRIVATE1');
  });

  it('adds the trailing slash SLACK_API_URL needs when it is left out', () => {
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:8099/api' }).SLACK_API_URL).toBe('http://127.0.0.1:8099/api/');
  });

  it('treats every empty desk and Slack setting as unset (the default applies)', () => {
    const config = loadConfig({
      SLACK_RATE_PER_SECOND: '',
      DESK_EXPECTED_WAIT_MINUTES: '',
      DESK_SHOW_STAFF_NAME: '',
      STAFF_LOCALE: '',
      DESK_REANNOUNCE_MINUTES: '',
      SLACK_API_URL: '',
    });
    expect(config).toMatchObject({
      SLACK_RATE_PER_SECOND: 1,
      DESK_EXPECTED_WAIT_MINUTES: 15,
      DESK_SHOW_STAFF_NAME: true,
      DESK_REANNOUNCE_MINUTES: [10, 30],
      SLACK_API_URL: 'https://slack.com/api/',
    });
    expect(config.STAFF_LOCALE).toBeUndefined();
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-1000000001-user-token' }],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'not-a-token' }],
    ['SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: 'not hexadecimal' }],
    ['SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: 'abc123' }],
    ['SLACK_STAFF_CHANNEL', { SLACK_STAFF_CHANNEL: '#staff' }],
    ['SLACK_STAFF_CHANNEL', { SLACK_STAFF_CHANNEL: 'staff' }],
    ['SLACK_STAFF_CHANNEL', { SLACK_STAFF_CHANNEL: 'U0MARIA01' }],
    ['SLACK_API_URL', { SLACK_API_URL: 'slack.com/api' }],
    ['SLACK_API_URL', { SLACK_API_URL: 'ftp://slack.com/api/' }],
    ['SLACK_RATE_PER_SECOND', { SLACK_RATE_PER_SECOND: '0' }],
    ['SLACK_RATE_PER_SECOND', { SLACK_RATE_PER_SECOND: 'fast' }],
    ['DESK_EXPECTED_WAIT_MINUTES', { DESK_EXPECTED_WAIT_MINUTES: '0' }],
    ['DESK_EXPECTED_WAIT_MINUTES', { DESK_EXPECTED_WAIT_MINUTES: '7.5' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: '30,10' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: '10,10' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: 'abc' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: '0,10' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: '10,2.5' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: '1e1' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: '10,99999999999999999999' }],
    ['DESK_REANNOUNCE_MINUTES', { DESK_REANNOUNCE_MINUTES: ',' }],
    ['DESK_SHOW_STAFF_NAME', { DESK_SHOW_STAFF_NAME: 'yes' }],
    ['DESK_RELAY_PER_MINUTE', { DESK_RELAY_PER_MINUTE: '0' }],
    ['DESK_RELAY_PER_MINUTE', { DESK_RELAY_PER_MINUTE: 'many' }],
    ['DESK_RELAY_PER_MINUTE', { DESK_RELAY_PER_MINUTE: '2.5' }],
    ['DESK_SHOW_STAFF_NAME', { DESK_SHOW_STAFF_NAME: '1' }],
    ['STAFF_LOCALE', { STAFF_LOCALE: 'de' }],
  ])('refuses an invalid %s with one line naming it (%j)', (name, env) => {
    const { message } = configErrorFor(env);
    expect(message).not.toContain('\n');
    expect(message).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('says the channel must be given by its id, not its name', () => {
    expect(configErrorFor({ SLACK_STAFF_CHANNEL: '#staff' }).message).toMatch(
      /SLACK_STAFF_CHANNEL must be the staff channel’s id.*not its name/,
    );
  });

  it.each([
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN }],
    ['SLACK_BOT_TOKEN', { SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET }],
    ['SLACK_BOT_TOKEN', { SLACK_STAFF_CHANNEL: slack.SLACK_STAFF_CHANNEL }],
    [
      'SLACK_STAFF_CHANNEL',
      { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET },
    ],
    [
      'SLACK_SIGNING_SECRET',
      { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN, SLACK_STAFF_CHANNEL: slack.SLACK_STAFF_CHANNEL },
    ],
    [
      'SLACK_BOT_TOKEN',
      { SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET, SLACK_STAFF_CHANNEL: slack.SLACK_STAFF_CHANNEL },
    ],
  ])('stops start-up naming the missing %s when only some Slack variables are set (%j)', (missing, env) => {
    const { message } = configErrorFor(env);
    expect(message).not.toContain('\n');
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${missing} is required when`));
    expect(message).toContain('needs all three');
  });

  it('treats an empty Slack variable as missing when the other two are set', () => {
    expect(configErrorFor({ ...slack, SLACK_SIGNING_SECRET: '' }).message).toMatch(
      /^Invalid configuration: SLACK_SIGNING_SECRET is required/,
    );
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-Xq7Zk2' }, 'Xq7Zk2'],
    ['SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: 'Xq7Zk2 not hex' }, 'Xq7Zk2'],
    [
      'SLACK_STAFF_CHANNEL',
      { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET },
      'Xq7Zk2',
    ],
    [
      'SLACK_STAFF_CHANNEL',
      { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET },
      slack.SLACK_SIGNING_SECRET,
    ],
  ])('never repeats a Slack secret when refusing %s', (name, env, secret) => {
    const { message } = configErrorFor(env);
    expect(message).toContain(name);
    expect(message).not.toContain(secret);
  });

  it('trusts no forwarding headers and lets nobody frame the chat unless told to, with the default limits', () => {
    expect(loadConfig({})).toMatchObject({
      TRUST_PROXY: false,
      WEBCHAT_FRAME_ANCESTORS: ["'none'"],
      WEBCHAT_RATE_LIMIT_PER_MINUTE: 30,
      API_RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: 1200,
    });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['127.0.0.1, 10.0.0.0/8', '127.0.0.1,10.0.0.0/8'],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each([
    ['TRUST_PROXY', 'my-proxy'],
    ['WEBCHAT_FRAME_ANCESTORS', 'shop.example'],
    ['WEBCHAT_FRAME_ANCESTORS', "'none' https://shop.example"],
    ['WEBCHAT_RATE_LIMIT_PER_MINUTE', '0'],
  ])('refuses %s=%s with one line naming it', (name, value) => {
    expect(configErrorFor({ [name]: value }).message).toMatch(new RegExp(`^Invalid configuration: ${name} must`));
  });

  it('reads the sites allowed to frame the chat', () => {
    expect(
      loadConfig({ WEBCHAT_FRAME_ANCESTORS: "'self'  https://shop.example https://*.shop.example:8443" })
        .WEBCHAT_FRAME_ANCESTORS,
    ).toEqual(["'self'", 'https://shop.example', 'https://*.shop.example:8443']);
  });
});

describe('deskSettingsFrom', () => {
  it('gives the desk the contract’s defaults, staff writing in DEFAULT_LOCALE when STAFF_LOCALE is unset', () => {
    expect(deskSettingsFrom(loadConfig({ DEFAULT_LOCALE: 'ro' }))).toEqual({
      expectedWaitMinutes: 15,
      reannounceAfterMinutes: [10, 30],
      showStaffName: true,
      showPhone: false,
      staffLocale: 'ro',
      relayPerMinute: 10,
      burstMinutes: 10,
    });
  });

  it('uses STAFF_LOCALE for staff whatever language customers are greeted in', () => {
    expect(deskSettingsFrom(loadConfig({ DEFAULT_LOCALE: 'ru', STAFF_LOCALE: 'en' })).staffLocale).toBe('en');
  });

  it('relays 10 customer messages a ticket a minute unless DESK_RELAY_PER_MINUTE says otherwise', () => {
    expect(deskSettingsFrom(loadConfig({})).relayPerMinute).toBe(10);
    expect(deskSettingsFrom(loadConfig({ DESK_RELAY_PER_MINUTE: '' })).relayPerMinute).toBe(10);
    expect(deskSettingsFrom(loadConfig({ DESK_RELAY_PER_MINUTE: '25' })).relayPerMinute).toBe(25);
    expect(() => loadConfig({ DESK_RELAY_PER_MINUTE: '0' })).toThrow(
      /^Invalid configuration: DESK_RELAY_PER_MINUTE must be at least 1 \(got "0"\)\.$/,
    );
  });

  it('shows staff whole phone numbers only when DESK_SHOW_PHONE is true', () => {
    expect(deskSettingsFrom(loadConfig({ DESK_SHOW_PHONE: 'true' })).showPhone).toBe(true);
    expect(deskSettingsFrom(loadConfig({ DESK_SHOW_PHONE: '' })).showPhone).toBe(false);
    expect(() => loadConfig({ DESK_SHOW_PHONE: 'yes' })).toThrow(
      /^Invalid configuration: DESK_SHOW_PHONE must be true or false/,
    );
  });

  it('passes on the wait, the reannouncements and whether customers see the staff name', () => {
    const settings = deskSettingsFrom(
      loadConfig({ DESK_EXPECTED_WAIT_MINUTES: '30', DESK_REANNOUNCE_MINUTES: '15', DESK_SHOW_STAFF_NAME: 'false' }),
    );
    expect(settings).toMatchObject({ expectedWaitMinutes: 30, reannounceAfterMinutes: [15], showStaffName: false });
  });
});

/** Runs the program with only `env` (and PATH, HOME) and returns how it ended. */
function startProgram(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'node_modules/.bin/tsx',
      ['app/main.ts'],
      { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 20_000 },
      (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
    );
  });
}

describe('starting the program with an invalid configuration', () => {
  it('exits with code 1 and one line on stderr naming the variable, without a stack trace', async () => {
    const result = await startProgram({ PORT: 'abc' });
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(result.code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bPORT\b/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('does not start with only part of the Slack desk configured, naming what is missing', async () => {
    const result = await startProgram({
      SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN,
      SLACK_STAFF_CHANNEL: slack.SLACK_STAFF_CHANNEL,
    });
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(result.code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bSLACK_SIGNING_SECRET is required\b/);
    expect(result.stderr).not.toContain(slack.SLACK_BOT_TOKEN);
  });
});
