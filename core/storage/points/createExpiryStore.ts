import type { ExpiryStore } from '../../points/pointsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { lotsToRemind, membersWithExpiredLots, remind } from './expiryScans.ts';
import { expireDueInTransaction } from './lots.ts';

/** The expiry jobs' `ExpiryStore` on Prisma; SQLite and PostgreSQL alike. */
export function createExpiryStore(db: Database): ExpiryStore {
  return {
    membersWithExpiredLots: (now, after, limit) => membersWithExpiredLots(db, now, after, limit),
    expireDue: (memberId, now) => withTransactionRetry(db, (tx) => expireDueInTransaction(tx, memberId, now)),
    lotsToRemind: (window, after, limit) => lotsToRemind(db, window, after, limit),
    remind: (notification, at) => remind(db, notification, at),
  };
}
