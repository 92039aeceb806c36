import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsStore } from '../core/settings/settingsPorts.ts';

const KEY = 'adminTokenSha256';

export interface AdminToken {
  /** Constant-time check of a presented bearer token. */
  verify(presented: string): boolean;
  /** Set only on the very first start, so it can be printed once. */
  generated: string | null;
}

/**
 * The admin token: ADMIN_TOKEN when configured; otherwise one generated on
 * the first start, of which only the hash is stored.
 */
export async function ensureAdminToken(settings: SettingsStore, configured: string | undefined): Promise<AdminToken> {
  if (configured) return { verify: matcher(sha256(configured)), generated: null };
  const candidate = randomBytes(24).toString('base64url');
  const stored = await settings.putIfAbsent(KEY, sha256(candidate));
  return { verify: matcher(stored), generated: stored === sha256(candidate) ? candidate : null };
}

function matcher(expectedHash: string) {
  const expected = Buffer.from(expectedHash, 'hex');
  return (presented: string) => timingSafeEqual(Buffer.from(sha256(presented), 'hex'), expected);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
