import { randomUUID } from 'node:crypto';
import type { Locale } from '../../i18n/locale.ts';
import type { SurveyKind } from '../../surveys/surveyScores.ts';
import type { Touchpoint } from '../../surveys/surveysPorts.ts';
import type { Tx } from '../db/openDatabase.ts';

export interface QuestionDraft {
  memberId: string;
  kind: SurveyKind;
  touchpoint: Touchpoint;
  /** One question per cause; a second draft with the same key writes nothing. */
  dedupeKey: string;
  locale: Locale;
  tier: string | null;
  store?: string | null;
  purchaseId?: string;
  dueAt: Date;
  /** The throttle: no question of this kind (and touch point, for CSAT) asked this many days before it is due. */
  minDaysBetween: number;
}

export type ScheduleOutcome = { scheduled: string } | { skipped: 'throttled' | 'already-scheduled' | 'duplicate' };

/**
 * Schedules a question inside the caller's transaction (a purchase's, a
 * relationship survey's). It is left out when the throttle already forbids
 * it, or when one of the same kind waits to be asked; the job checks again
 * when it falls due, since other questions may have gone out meanwhile.
 */
export async function scheduleInTransaction(tx: Tx, draft: QuestionDraft): Promise<ScheduleOutcome> {
  const sameThrottle = draft.kind === 'nps' ? { kind: 'nps' } : { kind: 'csat', touchpoint: draft.touchpoint };
  const since = new Date(draft.dueAt.getTime() - draft.minDaysBetween * 86_400_000);
  const recent = await tx.surveyQuestion.count({
    where: { memberId: draft.memberId, ...sameThrottle, askedAt: { gt: since } },
  });
  if (recent > 0) return { skipped: 'throttled' };
  const waiting = await tx.surveyQuestion.count({
    where: { memberId: draft.memberId, ...sameThrottle, status: 'scheduled' },
  });
  if (waiting > 0) return { skipped: 'already-scheduled' };
  const id = randomUUID();
  const inserted = await tx.$executeRaw`
    INSERT INTO "SurveyQuestion" ("id", "memberId", "kind", "touchpoint", "dedupeKey", "status", "store", "locale", "tier", "purchaseId", "dueAt")
    VALUES (${id}, ${draft.memberId}, ${draft.kind}, ${draft.touchpoint}, ${draft.dedupeKey}, 'scheduled', ${draft.store ?? null},
            ${draft.locale}, ${draft.tier}, ${draft.purchaseId ?? null}, ${draft.dueAt})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return inserted === 1 ? { scheduled: id } : { skipped: 'duplicate' };
}
