import type { Credit } from '../../points/pointsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation, uniqueTarget } from '../db/isUniqueViolation.ts';
import { creditInTransaction } from './creditInTransaction.ts';

/** Adds a lot of points once per idempotency key; false when the key was used. */
export async function creditOnce(db: Database, credit: Credit): Promise<boolean> {
  try {
    await db.prisma.$transaction((tx) => creditInTransaction(tx, credit));
    return true;
  } catch (error) {
    if (isUniqueViolation(error) && uniqueTarget(error).includes('idempotencyKey')) return false;
    throw error;
  }
}
