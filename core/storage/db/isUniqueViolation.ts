/**
 * Prisma reports a unique-constraint violation as P2002. Through driver
 * adapters the offending columns sit in different places depending on the
 * provider, so the whole `meta` is searched for them.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** The constraint's columns or name, as one string to search (`phone`, `cardNumber`…). */
export function uniqueTarget(error: unknown): string {
  const meta = (error as { meta?: unknown }).meta;
  return JSON.stringify(meta ?? {}) + String((error as Error).message ?? '');
}
