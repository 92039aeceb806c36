import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';

/**
 * Claims the run of a scheduled job until `until`, in the settings table
 * under `job:<name>` (the value is the lease's end in epoch milliseconds).
 * Taking over an expired lease is a compare-and-set on the value read, so of
 * several instances asking at once exactly one succeeds.
 */
export async function claimRun(db: Database, job: string, now: Date, until: Date): Promise<boolean> {
  const key = `job:${job}`;
  const value = String(until.getTime());
  const held = await db.prisma.setting.findUnique({ where: { key } });
  if (!held) return createLease(db, key, value);
  if (Number(held.value) > now.getTime()) return false;
  const taken = await db.prisma.setting.updateMany({ where: { key, value: held.value }, data: { value } });
  return taken.count === 1;
}

async function createLease(db: Database, key: string, value: string): Promise<boolean> {
  try {
    await db.prisma.setting.create({ data: { key, value } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
