import type { Tx } from '../db/openDatabase.ts';

/** The first and last moment any member, purchase or ledger entry was written; null on an empty database. */
export async function rebuildSpan(tx: Tx): Promise<{ first: Date; last: Date } | null> {
  const [span] = await tx.$queryRaw<{ first: Date | string | null; last: Date | string | null }[]>`
    SELECT MIN(t."at") AS "first", MAX(t."at") AS "last" FROM (
      SELECT MIN("createdAt") AS "at" FROM "Member" UNION ALL SELECT MAX("createdAt") FROM "Member"
      UNION ALL SELECT MIN("createdAt") FROM "Purchase" UNION ALL SELECT MAX("createdAt") FROM "Purchase"
      UNION ALL SELECT MIN("createdAt") FROM "LedgerEntry" UNION ALL SELECT MAX("createdAt") FROM "LedgerEntry") t`;
  if (!span?.first || !span.last) return null;
  return { first: new Date(span.first), last: new Date(span.last) };
}
