import { csatGroupOf } from '../../surveys/surveyScores.ts';
import type { Tx } from '../db/openDatabase.ts';
import { countAnswerInTransaction } from './dailyCounts.ts';

/**
 * The desk's 1–5 rating after a resolved ticket, as a CSAT answer of the
 * touch point `desk`, in the rating's own transaction: the ticket's first
 * rating is its only one, and so is its answer (`csat:desk:<ticketId>`).
 */
export async function recordDeskCsatInTransaction(
  tx: Tx,
  { ticketId, rating, at, day }: { ticketId: string; rating: number; at: Date; day: string },
): Promise<void> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { memberId: true, channel: true, locale: true, resolvedAt: true, member: { select: { tier: true } } },
  });
  const asked = ticket.resolvedAt ?? at;
  const inserted = await tx.$executeRaw`
    INSERT INTO "SurveyQuestion" ("id", "memberId", "kind", "touchpoint", "dedupeKey", "status", "channel", "locale", "tier", "ticketId",
                                  "dueAt", "askedAt", "answeredAt", "answeredDay", "score", "scoreGroup")
    VALUES (${crypto.randomUUID()}, ${ticket.memberId}, 'csat', 'desk', ${`csat:desk:${ticketId}`}, 'answered', ${ticket.channel},
            ${ticket.locale}, ${ticket.member.tier}, ${ticketId}, ${asked}, ${asked}, ${at}, ${day}, ${rating}, ${csatGroupOf(rating)})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  if (inserted === 1)
    await countAnswerInTransaction(tx, {
      kind: 'csat',
      touchpoint: 'desk',
      day,
      store: null,
      score: rating,
      askedDay: null,
    });
}
