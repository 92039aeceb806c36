import { randomBytes } from 'node:crypto';
import { apiScopes, type ActiveApiKey, type ApiKeySummary, type ApiScope } from '../../api/apiPorts.ts';
import { hashApiKey } from '../../api/hashApiKey.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * A new key for a point-of-sale system. The plain key is returned once, to
 * be shown to the administrator; 32 random bytes make guessing pointless,
 * so a fast hash (not a password hash) is enough.
 */
export async function createApiKey(
  db: Database,
  name: string,
  scopes: readonly ApiScope[],
  at: Date,
): Promise<{ summary: ApiKeySummary; key: string }> {
  const key = `lk_${randomBytes(32).toString('base64url')}`;
  const row = await db.prisma.apiKey.create({
    data: { id: crypto.randomUUID(), name, keyHash: hashApiKey(key), scopes: scopes.join(','), createdAt: at },
  });
  return { summary: toSummary(row), key };
}

/** The unrevoked key with this hash, or null. */
export async function findActiveApiKey(db: Database, keyHash: string): Promise<ActiveApiKey | null> {
  const row = await db.prisma.apiKey.findUnique({
    where: { keyHash },
    select: { id: true, scopes: true, revokedAt: true },
  });
  return row && row.revokedAt === null ? { id: row.id, scopes: scopesOf(row.scopes) } : null;
}

/** Revokes a key at once; revoking it again keeps the first revocation time. Null when no such key. */
export async function revokeApiKey(db: Database, id: string, at: Date): Promise<ApiKeySummary | null> {
  await db.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
  const row = await db.prisma.apiKey.findUnique({ where: { id } });
  return row && toSummary(row);
}

export async function listApiKeys(db: Database): Promise<ApiKeySummary[]> {
  const rows = await db.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map(toSummary);
}

/** Records when a key was last used; callers throttle it, so a busy till does not write on every request. */
export async function touchApiKey(db: Database, id: string, at: Date): Promise<void> {
  await db.prisma.apiKey.updateMany({ where: { id }, data: { lastUsedAt: at } });
}

function toSummary(row: Omit<ApiKeySummary, 'scopes'> & { scopes: string }): ApiKeySummary {
  const { id, name, createdAt, revokedAt, lastUsedAt } = row;
  return { id, name, scopes: scopesOf(row.scopes), createdAt, revokedAt, lastUsedAt };
}

/** Scopes as stored, comma-separated; one this version does not know grants nothing. */
function scopesOf(stored: string): ApiScope[] {
  return apiScopes.filter((scope) => stored.split(',').includes(scope));
}
