import { randomBytes } from 'node:crypto';
import type { Draw, DrawContent } from './draw.ts';
import { commitmentOf } from './drawWinners.ts';
import type { DrawStore } from './drawsPorts.ts';

/**
 * A new draw with its secret seed (32 random bytes as 64 hex characters)
 * and the commitment published from now on: `hex(SHA-256(utf8(seed)))`.
 */
export function createDraw(store: DrawStore, content: DrawContent, now: Date): Promise<Draw> {
  const seed = randomBytes(32).toString('hex');
  return store.create(content, seed, commitmentOf(seed), now);
}
