// The variables of backups and metrics, validated like every other: off by
// default, and a wrong value stops start-up with one line naming it.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.ts';

function lineFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('backup and metrics configuration', () => {
  it('takes no scheduled backup and serves no metrics unless asked', () => {
    expect(loadConfig({})).toMatchObject({ BACKUP_EVERY_HOURS: 24, BACKUP_KEEP: 7 });
    expect(loadConfig({}).BACKUP_DIR).toBeUndefined();
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({}).METRICS_PORT).toBeUndefined();
  });

  it('reads the backup schedule', () => {
    expect(loadConfig({ BACKUP_DIR: './backups', BACKUP_EVERY_HOURS: '6', BACKUP_KEEP: '28' })).toMatchObject({
      BACKUP_DIR: './backups',
      BACKUP_EVERY_HOURS: 6,
      BACKUP_KEEP: 28,
    });
  });

  it.each([
    [{ BACKUP_EVERY_HOURS: '0' }, 'Invalid configuration: BACKUP_EVERY_HOURS must be at least 1 (got "0").'],
    [
      { BACKUP_EVERY_HOURS: 'daily' },
      'Invalid configuration: BACKUP_EVERY_HOURS must be a whole number (got "daily").',
    ],
    [{ BACKUP_KEEP: '0' }, 'Invalid configuration: BACKUP_KEEP must be at least 1 (got "0").'],
    [{ METRICS_PORT: '70000' }, 'Invalid configuration: METRICS_PORT must be at most 65535 (got "70000").'],
    [
      { METRICS_PORT: '3000' },
      'Invalid configuration: METRICS_PORT must differ from PORT: the metrics port is served on 127.0.0.1 only (got "3000").',
    ],
  ])('stops on %j with one line naming the variable', (env, line) => {
    expect(lineFor(env)).toBe(line);
  });

  it('refuses a scheduled SQLite backup of a PostgreSQL database', () => {
    expect(lineFor({ DATABASE_URL: 'postgresql://shop@localhost/loyalty', BACKUP_DIR: './backups' })).toMatch(
      /^Invalid configuration: BACKUP_DIR is for the embedded SQLite database; back up PostgreSQL with pg_dump -Fc/,
    );
  });

  it('never shows the metrics token it refuses', () => {
    expect(lineFor({ METRICS_TOKEN: 'short-secret' })).toBe(
      'Invalid configuration: METRICS_TOKEN must be at least 32 characters long (for example the output of: openssl rand -base64 32).',
    );
  });
});
