import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SettingsStore } from '../core/settings/settingsPorts.ts';

const KEY = 'adminTokenSha256';
/** Where a generated token is written, in the data directory. */
const TOKEN_FILE = 'admin-token';

export interface AdminToken {
  /** Constant-time check of a presented bearer token. */
  verify(presented: string): boolean;
  /** Set only on the very first start, in this process only: it is never printed. */
  generated: string | null;
  /** The file (mode 0600) the generated token was written to; only on the very first start. */
  savedTo: string | null;
}

/**
 * The admin token: ADMIN_TOKEN when configured; otherwise one generated on
 * the first start, of which only the hash is stored. The generated token is
 * written once to a file only its owner can read, never to stdout, which
 * usually ends up in a log collector.
 */
export async function ensureAdminToken(
  settings: SettingsStore,
  configured: string | undefined,
  dataDirectory: string,
): Promise<AdminToken> {
  if (configured) return { verify: matcher(sha256(configured)), generated: null, savedTo: null };
  const candidate = randomBytes(24).toString('base64url');
  const stored = await settings.putIfAbsent(KEY, sha256(candidate));
  if (stored !== sha256(candidate)) return { verify: matcher(stored), generated: null, savedTo: null };
  return {
    verify: matcher(stored),
    generated: candidate,
    savedTo: writePrivately(join(dataDirectory, TOKEN_FILE), candidate),
  };
}

/**
 * The data directory: the SQLite file's own directory, or `./data` beside a
 * PostgreSQL deployment (and for an in-memory database).
 */
export function dataDirectoryOf(databaseUrl: string): string {
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : ':memory:';
  return resolve(path === ':memory:' ? 'data' : dirname(path));
}

/**
 * Created with mode 0600 under a new name and renamed into place, so the
 * token is never readable by others, not even for a moment, and a file left
 * by an earlier database is replaced whole.
 */
function writePrivately(path: string, token: string): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fresh = `${path}.${process.pid}.new`;
  writeFileSync(fresh, `${token}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(fresh, path);
  return path;
}

function matcher(expectedHash: string) {
  const expected = Buffer.from(expectedHash, 'hex');
  return (presented: string) => timingSafeEqual(Buffer.from(sha256(presented), 'hex'), expected);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
