import type { z } from 'zod';

/**
 * JSON this program stored (a chat's state, an outbox payload…), read back
 * through its schema: null when it is not JSON or not a shape this version
 * knows, so the caller decides how to recover instead of crashing.
 */
export function parseStoredJson<T>(schema: z.ZodType<T>, json: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
