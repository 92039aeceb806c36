import type { Tx } from '../db/openDatabase.ts';

/** The keys of a day's counts; a question with no store counts under ''. */
interface DayKey {
  kind: string;
  touchpoint: string;
  day: string;
  store: string | null;
}

/**
 * An answer, counted in the daily totals inside the answer's transaction: its
 * score on the day it was given, and as answered on the day it was asked
 * (`askedDay`; a question never asked apart from its answer — the desk's
 * rating — counts as asked and answered that day). The reports read these
 * for whole days.
 */
export async function countAnswerInTransaction(
  tx: Tx,
  key: DayKey & { score: number; askedDay: string | null },
): Promise<void> {
  const store = key.store ?? '';
  await tx.$executeRaw`
    INSERT INTO "SurveyDailyScore" ("kind", "touchpoint", "day", "store", "score", "answers")
    VALUES (${key.kind}, ${key.touchpoint}, ${key.day}, ${store}, ${key.score}, 1)
    ON CONFLICT ("kind", "touchpoint", "day", "store", "score")
    DO UPDATE SET "answers" = "SurveyDailyScore"."answers" + 1`;
  const askedNow = key.askedDay === null ? 1 : 0;
  await tx.$executeRaw`
    INSERT INTO "SurveyDailyAsked" ("kind", "touchpoint", "day", "store", "asked", "answered")
    VALUES (${key.kind}, ${key.touchpoint}, ${key.askedDay ?? key.day}, ${store}, ${askedNow}, 1)
    ON CONFLICT ("kind", "touchpoint", "day", "store")
    DO UPDATE SET "asked" = "SurveyDailyAsked"."asked" + ${askedNow}, "answered" = "SurveyDailyAsked"."answered" + 1`;
}

/** A question put to a member (sent, not muted), counted on the day it was asked. */
export async function countAskedInTransaction(tx: Tx, key: DayKey): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "SurveyDailyAsked" ("kind", "touchpoint", "day", "store", "asked", "answered")
    VALUES (${key.kind}, ${key.touchpoint}, ${key.day}, ${key.store ?? ''}, 1, 0)
    ON CONFLICT ("kind", "touchpoint", "day", "store")
    DO UPDATE SET "asked" = "SurveyDailyAsked"."asked" + 1`;
}
