import { searchName } from '../../members/searchName.ts';
import type { Database } from '../db/openDatabase.ts';

const BATCH = 500;

/**
 * Writes the search form of names enrolled before search existed. A
 * migration cannot do it: SQLite's `lower()` knows only ASCII, and the
 * names are Romanian and Russian. Once done, it costs one indexed query at
 * start-up.
 */
export async function fillSearchNames(db: Database): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.prisma.member.findMany({
      where: { searchName: '', name: { not: '' } },
      select: { id: true, name: true },
      take: BATCH,
    });
    if (rows.length === 0) return filled;
    await db.prisma.$transaction(
      rows.map((row) =>
        db.prisma.member.update({ where: { id: row.id }, data: { searchName: searchName(row.name) || ' ' } }),
      ),
    );
    filled += rows.length;
  }
}
