import type { Database } from './openDatabase.ts';

/** Is the database answering? For /readyz. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.prisma.$queryRawUnsafe('SELECT 1');
}
