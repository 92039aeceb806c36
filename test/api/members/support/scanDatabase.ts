import type { Database } from '../../../../core/storage/db/openDatabase.ts';

/** Every table of the database with its rows, each row as one string of all its values. */
export async function everyRow(db: Database): Promise<{ table: string; row: string }[]> {
  const tables =
    db.provider === 'sqlite'
      ? await db.prisma.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        )
      : await db.prisma.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
        );
  const rows: { table: string; row: string }[] = [];
  for (const { name } of tables) {
    const found = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
    for (const row of found) rows.push({ table: name, row: Object.values(row).map(String).join(' | ') });
  }
  return rows;
}

/** The tables in which any of `needles` still appears, with the row. */
export async function whereFound(db: Database, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const { table, row } of await everyRow(db))
    for (const needle of needles) if (row.includes(needle)) hits.push(`${table}: "${needle}" in ${row}`);
  return hits;
}
