/**
 * What a key may do: `till` looks members up, enrols them, records purchases
 * and refunds the purchases it recorded; `reports` only reads; `any-refund`
 * also refunds purchases that another key or a cashier recorded.
 */
export const apiScopes = ['till', 'reports', 'any-refund'] as const;
export type ApiScope = (typeof apiScopes)[number];

/** An unrevoked key as a request presents it. */
export interface ActiveApiKey {
  id: string;
  scopes: readonly ApiScope[];
}

/** What an administrator sees of a key: never the key itself, which only its creator saw once. */
export interface ApiKeySummary {
  id: string;
  name: string;
  scopes: readonly ApiScope[];
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** Status stored while the first request with a key is still being handled. */
export const IN_PROGRESS = 0;

export interface IdempotentRequestRow {
  requestHash: string;
  /** IN_PROGRESS until the first request completes, then its HTTP status. */
  status: number;
  /** The first response's body, as sent. */
  body: string;
  createdAt: Date;
}

export interface IdempotencyClaim {
  client: string;
  key: string;
  requestHash: string;
  at: Date;
}

/** API keys of point-of-sale systems, stored only as hashes. */
export interface ApiKeyStore {
  /** A new key: the plain key is returned once, to be shown to the administrator. */
  create(name: string, scopes: readonly ApiScope[], at: Date): Promise<{ summary: ApiKeySummary; key: string }>;
  /** The unrevoked key with this hash, or null. */
  findActive(keyHash: string): Promise<ActiveApiKey | null>;
  revoke(id: string, at: Date): Promise<ApiKeySummary | null>;
  list(): Promise<ApiKeySummary[]>;
  /** Records when the key was last used. */
  touch(id: string, at: Date): Promise<void>;
}

/** Answers kept per client and Idempotency-Key, so a retried request gets the first answer. */
export interface IdempotencyStore {
  /** Claims the key for a request; null when this request won, else the row that is there. */
  claim(claim: IdempotencyClaim): Promise<IdempotentRequestRow | null>;
  find(client: string, key: string): Promise<IdempotentRequestRow | null>;
  complete(claim: IdempotencyClaim, response: { status: number; body: string }): Promise<void>;
  /** Forgets a claim whose request failed, so a retry is handled afresh. */
  release(client: string, key: string): Promise<void>;
  /** Drops a claim left in progress by a crashed request; false when it is no longer that claim. */
  dropAbandoned(client: string, key: string, claimedAt: Date): Promise<boolean>;
  /** Forgets answers older than `before`; returns how many. */
  purge(before: Date): Promise<number>;
}
