import type { Database } from '../db/openDatabase.ts';

/** pg_trgm indexes three letters at a time: fewer match too many names for its index to help. */
export const TRIGRAM_LETTERS = 3;

export interface NameMatch {
  id: string;
  name: string;
  searchName: string;
  cardNumber: string;
  phone: string | null;
  balance: number;
  lifetimeSpend: number;
  lifetimeEarned: number;
  createdAt: Date;
}

/**
 * One page of the members whose name holds `part`, on PostgreSQL. The
 * matches are gathered first, through the trigram index, and only then
 * sorted: left to itself the planner walks the name index in order hoping
 * to meet enough matches early, and reads most of the table when they sort
 * late (a Cyrillic part of a name sorts after every Latin name). A materialized CTE is the documented
 * way to keep it from that.
 */
export async function nameMatchesByTrigram(
  db: Database,
  part: string,
  page: { limit: number; after: [string, string] | null },
): Promise<NameMatch[]> {
  const pattern = `%${part.replace(/[\\%_]/g, '\\$&')}%`;
  const [afterName, afterId] = page.after ?? [null, null];
  return db.prisma.$queryRaw<NameMatch[]>`
    WITH matches AS MATERIALIZED (
      SELECT "id", "name", "searchName", "cardNumber", "phone", "balance", "lifetimeSpend", "lifetimeEarned", "createdAt"
      FROM "Member"
      WHERE "searchName" LIKE ${pattern} AND "erasedAt" IS NULL
    )
    SELECT * FROM matches
    WHERE ${afterName}::text IS NULL OR "searchName" > ${afterName} OR ("searchName" = ${afterName} AND "id" > ${afterId})
    ORDER BY "searchName", "id"
    LIMIT ${page.limit + 1}`;
}
