import type { JobsStore } from '../../jobs/jobsPorts.ts';
import { birthdaysOn, celebrate } from '../members/birthdays.ts';
import { lotsToRemind, membersWithExpiredLots, remind } from '../points/expiryScans.ts';
import { claimRun } from './claimRun.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { expireDueInTransaction } from '../points/lots.ts';
import type { Database } from '../db/openDatabase.ts';

/** The scheduled jobs' storage, on Prisma; SQLite and PostgreSQL alike. */
export function createJobsStore(db: Database): JobsStore {
  return {
    membersWithExpiredLots: (now, after, limit) => membersWithExpiredLots(db, now, after, limit),
    expireDue: (memberId, now) => withTransactionRetry(db, (tx) => expireDueInTransaction(tx, memberId, now)),
    lotsToRemind: (window, after, limit) => lotsToRemind(db, window, after, limit),
    remind: (notification, at) => remind(db, notification, at),
    birthdaysOn: (days, year, after, limit) => birthdaysOn(db, days, year, after, limit),
    celebrate: (gift) => celebrate(db, gift),
    claimRun: (job, now, until) => claimRun(db, job, now, until),
  };
}
