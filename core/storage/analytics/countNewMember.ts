import type { Tx } from '../db/openDatabase.ts';
import { figuresDay } from './figuresCalendar.ts';

/** Counts a new member on the day they joined, inside the transaction that enrols them. */
export async function countNewMemberInTransaction(tx: Tx, joinedAt: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "DailyFigures" ("day", "newMembers") VALUES (${figuresDay(joinedAt)}, 1)
    ON CONFLICT ("day") DO UPDATE SET "newMembers" = "DailyFigures"."newMembers" + 1`;
}
