import type { ActiveApiKey, ApiKeyStore } from '../core/api/apiPorts.ts';

/** How long an instance trusts a key it found active: a revocation on another instance takes effect within this. */
export const API_KEY_CACHE_MS = 2_000;
/** Past this many remembered keys the stale ones are dropped; a deployment has a key per till. */
const MAX_ENTRIES = 1_000;

export interface ApiKeyCache {
  /** The unrevoked key with this hash, or null. */
  activeKey(keyHash: string): Promise<ActiveApiKey | null>;
  /** Stops trusting a key at once (it was revoked on this instance). */
  forget(keyId: string): void;
}

/**
 * Active API keys, looked up at most once per `API_KEY_CACHE_MS`: every
 * request of a till presents its key, and keys change rarely. Unknown and
 * revoked keys are not remembered, so a key created anywhere works at once
 * and a revoked one never gains a grace period from a cached refusal.
 */
export function cachedApiKeys(store: Pick<ApiKeyStore, 'findActive'>): ApiKeyCache {
  const known = new Map<string, { key: ActiveApiKey; readAt: number }>();
  return {
    activeKey: async (keyHash) => {
      // Wall time, not the business clock: this is about staleness, and tests freeze the business clock.
      const now = Date.now();
      const cached = known.get(keyHash);
      if (cached && now - cached.readAt >= 0 && now - cached.readAt < API_KEY_CACHE_MS) return cached.key;
      const key = await store.findActive(keyHash);
      if (key) remember(known, keyHash, { key, readAt: now });
      else known.delete(keyHash);
      return key;
    },
    forget: (keyId) => {
      for (const [hash, entry] of known) if (entry.key.id === keyId) known.delete(hash);
    },
  };
}

function remember(
  known: Map<string, { key: ActiveApiKey; readAt: number }>,
  keyHash: string,
  entry: { key: ActiveApiKey; readAt: number },
): void {
  if (known.size >= MAX_ENTRIES) {
    for (const [hash, old] of known) if (entry.readAt - old.readAt >= API_KEY_CACHE_MS) known.delete(hash);
    if (known.size >= MAX_ENTRIES) known.clear();
  }
  known.set(keyHash, entry);
}
