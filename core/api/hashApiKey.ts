import { createHash } from 'node:crypto';

/** The SHA-256 under which a presented key is looked up; the key itself is never stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
