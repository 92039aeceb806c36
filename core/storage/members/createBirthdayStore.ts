import type { BirthdayStore } from '../../members/membersPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { birthdaysOn, celebrate } from './birthdays.ts';

/** The birthday job's `BirthdayStore` on Prisma. */
export function createBirthdayStore(db: Database): BirthdayStore {
  return {
    birthdaysOn: (days, year, after, limit) => birthdaysOn(db, days, year, after, limit),
    celebrate: (gift) => celebrate(db, gift),
  };
}
