import type { Database } from '../db/openDatabase.ts';
import { rebuildFigures } from './rebuildFigures.ts';

/**
 * Rebuilds the roll-ups once when a database has members but no figures
 * yet: the first start after upgrading to a version that adds them. Later
 * starts find the figures and do nothing. True when it rebuilt.
 */
export async function rebuildFiguresIfMissing(db: Database): Promise<boolean> {
  if ((await db.prisma.dailyFigures.findFirst({ select: { day: true } })) !== null) return false;
  if ((await db.prisma.member.findFirst({ select: { id: true } })) === null) return false;
  await rebuildFigures(db);
  return true;
}
