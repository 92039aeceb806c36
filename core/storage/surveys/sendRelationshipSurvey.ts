import type { Locale } from '../../i18n/locale.ts';
import { isLocale } from '../../i18n/locale.ts';
import type { RelationshipOutcome, SurveySending } from '../../surveys/surveysPorts.ts';
import { recordAuditInTransaction } from '../audit/recordAudit.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { scheduleInTransaction } from './scheduleInTransaction.ts';

const PAGE = 500;

/**
 * A relationship survey: an NPS question scheduled for each member named (or
 * every member), the throttle respected, in pages of one transaction each;
 * the audit log records who sent it and what came of it.
 */
export function createSurveySending(db: Database): SurveySending {
  return {
    sendRelationshipSurvey: async ({ memberIds, at, dueAt, minDaysBetween, sentBy }) => {
      const run = crypto.randomUUID();
      const outcome: RelationshipOutcome = {
        scheduled: 0,
        skipped: { throttled: 0, noChat: 0, alreadyScheduled: 0, unknownMember: 0 },
      };
      const schedule = (tx: Tx, member: { id: string; locale: string; tier: string | null; chats: number }) =>
        scheduleOne(tx, member, { run, dueAt, minDaysBetween }, outcome);
      if (memberIds === 'all') {
        let after = '';
        for (;;) {
          const page = await membersPage(db, { id: { gt: after } });
          if (page.length === 0) break;
          await db.prisma.$transaction(async (tx) => {
            for (const member of page) await schedule(tx, member);
          });
          after = page[page.length - 1]!.id;
        }
      } else {
        const unique = [...new Set(memberIds)];
        const found = await membersPage(db, { id: { in: unique } }, unique.length);
        outcome.skipped.unknownMember = unique.length - found.length;
        await db.prisma.$transaction(async (tx) => {
          for (const member of found) await schedule(tx, member);
        });
      }
      await db.prisma.$transaction((tx) =>
        recordAuditInTransaction(tx, {
          at,
          actor: sentBy,
          action: 'survey.sent',
          subject: `survey:${run}`,
          before: null,
          after: { kind: 'nps', segment: memberIds === 'all' ? 'all' : 'members', ...outcome },
        }),
      );
      return outcome;
    },
  };
}

async function membersPage(db: Database, where: { id: { gt: string } | { in: string[] } }, take = PAGE) {
  const rows = await db.prisma.member.findMany({
    where: { ...where, erasedAt: null },
    orderBy: { id: 'asc' },
    take,
    select: { id: true, locale: true, tier: true, _count: { select: { chats: { where: { unreachableAt: null } } } } },
  });
  return rows.map((row) => ({ id: row.id, locale: row.locale, tier: row.tier, chats: row._count.chats }));
}

async function scheduleOne(
  tx: Tx,
  member: { id: string; locale: string; tier: string | null; chats: number },
  survey: { run: string; dueAt: Date; minDaysBetween: number },
  outcome: RelationshipOutcome,
): Promise<void> {
  if (member.chats === 0) {
    outcome.skipped.noChat += 1;
    return;
  }
  const locale: Locale = isLocale(member.locale) ? member.locale : 'ru';
  const result = await scheduleInTransaction(tx, {
    memberId: member.id,
    kind: 'nps',
    touchpoint: 'relationship',
    dedupeKey: `nps:relationship:${survey.run}:${member.id}`,
    locale,
    tier: member.tier,
    dueAt: survey.dueAt,
    minDaysBetween: survey.minDaysBetween,
  });
  if ('scheduled' in result) outcome.scheduled += 1;
  else if (result.skipped === 'throttled') outcome.skipped.throttled += 1;
  else outcome.skipped.alreadyScheduled += 1;
}
