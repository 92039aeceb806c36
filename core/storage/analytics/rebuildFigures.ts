import type { Database } from '../db/openDatabase.ts';
import { rebuildDailyFigures } from './rebuildDailyFigures.ts';
import { rebuildMemberMonths } from './rebuildMemberMonths.ts';
import { rebuildSpan } from './rebuildSpan.ts';

/**
 * Rebuilds every analytics roll-up from raw rows in one transaction: the
 * reports see the old figures or the new ones, never a half-written table.
 * The transaction holds the write lock meanwhile, so purchases wait for it
 * rather than being counted twice or lost.
 */
export async function rebuildFigures(db: Database): Promise<{ days: number; memberMonths: number }> {
  return db.prisma.$transaction(
    async (tx) => {
      // PostgreSQL: a purchase waits for the rebuild at its roll-up update; it is then counted once, after it.
      if (db.provider === 'postgresql')
        await tx.$executeRaw`LOCK TABLE "DailyFigures", "MemberMonth" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "DailyFigures"`;
      await tx.$executeRaw`DELETE FROM "MemberMonth"`;
      const span = await rebuildSpan(tx);
      if (!span) return { days: 0, memberMonths: 0 };
      const days = await rebuildDailyFigures(tx, db.provider, span);
      const memberMonths = await rebuildMemberMonths(tx, db.provider, span);
      return { days, memberMonths };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
