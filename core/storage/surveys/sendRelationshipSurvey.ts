import type { Locale } from '../../i18n/locale.ts';
import { isLocale } from '../../i18n/locale.ts';
import type { SurveyKind } from '../../surveys/surveyScores.ts';
import type { RelationshipOutcome, SurveySending } from '../../surveys/surveysPorts.ts';
import { recordAuditInTransaction } from '../audit/recordAudit.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { scheduleInTransaction } from './scheduleInTransaction.ts';
import type { Prisma } from '../generated/sqlite/client.ts';
import { segmentMemberIds } from '../segments/segmentMemberIds.ts';
import type { SegmentQuery } from '../../segments/segmentQuery.ts';

const PAGE = 500;

interface Recipient {
  id: string;
  locale: string;
  tier: string | null;
  chats: number;
  muted: boolean;
}

interface Survey {
  run: string;
  kind: SurveyKind;
  dueAt: Date;
  minDaysBetween: number;
}

/**
 * A relationship survey: a question scheduled for each member named (by id
 * or card number) or every member, the throttle respected, in pages of one
 * transaction each; the audit log records who sent it and what came of it.
 */
export function createSurveySending(db: Database): SurveySending {
  return {
    sendRelationshipSurvey: async ({ kind, audience, at, dueAt, minDaysBetween, sentBy }) => {
      const survey: Survey = { run: crypto.randomUUID(), kind, dueAt, minDaysBetween };
      const outcome: RelationshipOutcome = {
        scheduled: 0,
        muted: 0,
        skipped: { throttled: 0, noChat: 0, alreadyScheduled: 0, unknownMember: 0 },
      };
      const schedule = (page: Recipient[]) =>
        db.prisma.$transaction(async (tx) => {
          for (const member of page) await scheduleOne(tx, member, survey, outcome);
        });
      if (audience === 'all') await forEveryMember(db, {}, schedule);
      else if ('segment' in audience) await forEveryMember(db, audience.segment, schedule);
      else await schedule(await namedMembers(db, audience, outcome));
      await db.prisma.$transaction((tx) =>
        recordAuditInTransaction(tx, {
          at,
          actor: sentBy,
          action: 'survey.sent',
          subject: `survey:${survey.run}`,
          before: null,
          after: {
            kind,
            segment: audience === 'all' ? 'all' : 'segment' in audience ? 'segment' : 'members',
            ...outcome,
          },
        }),
      );
      return outcome;
    },
  };
}

async function forEveryMember(
  db: Database,
  matching: SegmentQuery,
  schedule: (page: Recipient[]) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const ids = await segmentMemberIds(db.prisma, db.provider, matching, after, PAGE);
    if (ids.length === 0) return;
    await schedule(await recipients(db, { id: { in: ids } }, ids.length));
    after = ids.at(-1)!;
  }
}

/** The members named, each once however often (by id and by card); who is not found is counted. */
async function namedMembers(
  db: Database,
  audience: { memberIds: string[]; cardNumbers: string[] },
  outcome: RelationshipOutcome,
): Promise<Recipient[]> {
  const ids = [...new Set(audience.memberIds)];
  const cards = [...new Set(audience.cardNumbers)];
  const byId = ids.length > 0 ? await recipients(db, { id: { in: ids } }, ids.length) : [];
  const byCard = cards.length > 0 ? await recipients(db, { cardNumber: { in: cards } }, cards.length) : [];
  outcome.skipped.unknownMember = ids.length - byId.length + (cards.length - byCard.length);
  return [...new Map([...byId, ...byCard].map((member) => [member.id, member])).values()];
}

async function recipients(db: Database, where: Prisma.MemberWhereInput, take = PAGE): Promise<Recipient[]> {
  const rows = await db.prisma.member.findMany({
    where: { ...where, erasedAt: null },
    orderBy: { id: 'asc' },
    take,
    select: {
      id: true,
      locale: true,
      tier: true,
      _count: { select: { chats: { where: { unreachableAt: null } }, mutes: { where: { topic: 'surveys' } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    locale: row.locale,
    tier: row.tier,
    chats: row._count.chats,
    muted: row._count.mutes > 0,
  }));
}

async function scheduleOne(tx: Tx, member: Recipient, survey: Survey, outcome: RelationshipOutcome): Promise<void> {
  if (member.chats === 0) {
    outcome.skipped.noChat += 1;
    return;
  }
  const locale: Locale = isLocale(member.locale) ? member.locale : 'ru';
  const result = await scheduleInTransaction(tx, {
    memberId: member.id,
    kind: survey.kind,
    touchpoint: 'relationship',
    dedupeKey: `${survey.kind}:relationship:${survey.run}:${member.id}`,
    locale,
    tier: member.tier,
    dueAt: survey.dueAt,
    minDaysBetween: survey.minDaysBetween,
  });
  // A member who switched surveys off is scheduled all the same: the question is written as muted, never sent.
  if ('scheduled' in result) outcome[member.muted ? 'muted' : 'scheduled'] += 1;
  else if (result.skipped === 'throttled') outcome.skipped.throttled += 1;
  else outcome.skipped.alreadyScheduled += 1;
}
