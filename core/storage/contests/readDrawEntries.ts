import type { DrawEntryRef } from '../../contests/draws/drawWinners.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * A draw's entries not withdrawn, in byte order of their ids (the digest's
 * own order, so the draw need not sort them). A million are the target, and
 * row by row the client spends more than the database, so they come as one
 * text value, a line per entry: the id, a space, the member's id (neither
 * holds a space or a line break: both are the application's ids). SQLite's
 * comparison is bytewise; PostgreSQL is told "C", which is.
 */
export async function readDrawEntries(db: Database, drawId: string): Promise<DrawEntryRef[]> {
  const [row] = await (db.provider === 'sqlite'
    ? db.prisma.$queryRaw<{ lines: string | null }[]>`
        SELECT group_concat("id" || ' ' || "memberId", char(10) ORDER BY "id") AS "lines"
        FROM "DrawEntry" WHERE "drawId" = ${drawId} AND "withdrawnAt" IS NULL`
    : db.prisma.$queryRaw<{ lines: string | null }[]>`
        SELECT string_agg("id" || ' ' || "memberId", E'\n' ORDER BY "id" COLLATE "C") AS "lines"
        FROM "DrawEntry" WHERE "drawId" = ${drawId} AND "withdrawnAt" IS NULL`);
  if (!row?.lines) return [];
  return row.lines.split('\n').map((line) => {
    const space = line.indexOf(' ');
    return { id: line.slice(0, space), memberId: line.slice(space + 1) };
  });
}
