import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY_CACHE_MS, cachedApiKeys } from '../../api/apiKeyCache.ts';
import { hashApiKey } from '../../core/api/hashApiKey.ts';
import { createApiKey, revokeApiKey } from '../../core/storage/api/apiKeys.ts';
import { createApiKeyStore } from '../../core/storage/api/createApiKeyStore.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

let db: TestDatabase;
let now: number;

beforeEach(async () => {
  db = await createTestDatabase('sqlite');
  now = 1_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.dispose();
});

describe('the API key cache', () => {
  it('reads a key that is in use once per cache period', async () => {
    const { summary, key } = await createApiKey(db, 'Till 1', ['till'], new Date());
    const keys = cachedApiKeys(createApiKeyStore(db));
    const lookups = vi.spyOn(db.prisma.apiKey, 'findUnique');
    expect((await keys.activeKey(hashApiKey(key)))?.id).toBe(summary.id);
    now += API_KEY_CACHE_MS - 1;
    expect((await keys.activeKey(hashApiKey(key)))?.id).toBe(summary.id);
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('stops accepting a key revoked on another instance within the cache period', async () => {
    const { summary, key } = await createApiKey(db, 'Till 1', ['till'], new Date());
    const keys = cachedApiKeys(createApiKeyStore(db));
    expect((await keys.activeKey(hashApiKey(key)))?.id).toBe(summary.id);
    await revokeApiKey(db, summary.id, new Date());
    now += API_KEY_CACHE_MS;
    expect(await keys.activeKey(hashApiKey(key))).toBeNull();
  });

  it('stops accepting a key revoked on this instance at once', async () => {
    const { summary, key } = await createApiKey(db, 'Till 1', ['till'], new Date());
    const keys = cachedApiKeys(createApiKeyStore(db));
    expect((await keys.activeKey(hashApiKey(key)))?.id).toBe(summary.id);
    await revokeApiKey(db, summary.id, new Date());
    keys.forget(summary.id);
    expect(await keys.activeKey(hashApiKey(key))).toBeNull();
  });

  it('does not remember a refusal, so a key created meanwhile works at once', async () => {
    const keys = cachedApiKeys(createApiKeyStore(db));
    expect(await keys.activeKey(hashApiKey('lk_not-yet'))).toBeNull();
    await db.prisma.apiKey.create({
      data: { id: 'k1', name: 'Till 2', keyHash: hashApiKey('lk_not-yet'), createdAt: new Date() },
    });
    expect((await keys.activeKey(hashApiKey('lk_not-yet')))?.id).toBe('k1');
  });
});
