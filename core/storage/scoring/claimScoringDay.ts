import type { Prisma as Client } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';

const KEY = 'scoring:day';

/**
 * Claims the daily scoring of `day` in the settings table: a create, or a
 * compare-and-set on the day read, so of several instances asking at once
 * exactly one succeeds, and never twice for one day.
 */
export async function claimScoringDay(prisma: Client, day: string): Promise<boolean> {
  const held = await prisma.setting.findUnique({ where: { key: KEY } });
  if (!held) {
    try {
      await prisma.setting.create({ data: { key: KEY, value: day } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
  if (held.value >= day) return false;
  const taken = await prisma.setting.updateMany({ where: { key: KEY, value: held.value }, data: { value: day } });
  return taken.count === 1;
}

/** Gives `day` back after a failed run (only if it is still the day claimed). */
export async function releaseScoringDay(prisma: Client, day: string): Promise<void> {
  await prisma.setting.updateMany({ where: { key: KEY, value: day }, data: { value: '' } });
}
