// Survey answers written straight into a database for report tests, as the
// answer path writes them: the answer's row and, in the same transaction,
// the daily counts the reports read for whole days.
import { DateTime } from 'luxon';
import type { Database } from '../../core/storage/db/openDatabase.ts';
import { countAnswerInTransaction, countAskedInTransaction } from '../../core/storage/surveys/dailyCounts.ts';
import { groupOf, type SurveyKind } from '../../core/surveys/surveyScores.ts';

export interface SeededAnswer {
  memberId: string;
  kind?: SurveyKind;
  touchpoint?: 'purchase' | 'desk' | 'relationship';
  /** Null: asked and left unanswered until it expired. */
  score: number | null;
  at: Date;
  store?: string;
  tier?: string;
  comment?: string;
  followUpTicketId?: string;
}

let seeded = 0;

export async function seedAnswer(db: Database, answer: SeededAnswer, timezone = 'Europe/Chisinau'): Promise<void> {
  seeded += 1;
  const kind = answer.kind ?? 'nps';
  const touchpoint = answer.touchpoint ?? 'purchase';
  const day = DateTime.fromJSDate(answer.at, { zone: timezone }).toISODate()!;
  const store = answer.store ?? null;
  const answered = answer.score !== null;
  await db.prisma.$transaction(async (tx) => {
    await tx.surveyQuestion.create({
      data: {
        id: crypto.randomUUID(),
        memberId: answer.memberId,
        kind,
        touchpoint,
        dedupeKey: `seed:${seeded}:${crypto.randomUUID()}`,
        status: answered ? 'answered' : 'expired',
        locale: 'en',
        store,
        tier: answer.tier ?? null,
        dueAt: answer.at,
        askedAt: answer.at,
        askedDay: day,
        expiresAt: new Date(answer.at.getTime() + 7 * 86_400_000),
        answeredAt: answered ? answer.at : null,
        answeredDay: answered ? day : null,
        score: answer.score,
        scoreGroup: answered ? groupOf(kind, answer.score!) : null,
        comment: answer.comment ?? null,
        followUpTicketId: answer.followUpTicketId ?? null,
      },
    });
    await countAskedInTransaction(tx, { kind, touchpoint, day, store });
    if (answered)
      await countAnswerInTransaction(tx, { kind, touchpoint, day, store, score: answer.score!, askedDay: day });
  });
}
