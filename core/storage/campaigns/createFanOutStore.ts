import type { Decision, FanOutStore } from '../../campaigns/campaignsPorts.ts';
import type { Outbound } from '../../outbound.ts';
import type { TriggerQuery } from '../../campaigns/automationAudience.ts';
import { categoryMuteTopic } from '../../campaigns/campaignCategories.ts';
import { nextTurn } from '../../campaigns/nextTurn.ts';
import type { Database, Provider, Tx } from '../db/openDatabase.ts';
import { timeOrderedId } from '../db/timeOrderedId.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { segmentMemberIds } from '../segments/segmentMemberIds.ts';
import { campaignMessageSerializer } from './campaignMessageSerializer.ts';
import {
  insertDecided,
  insertMessages,
  insertRecipients,
  recipientKey,
  writeOutcomes,
  type QueuedRow,
  type WriteOutcomes,
} from './fanOutSql.ts';
import { readPendingAudience, readSegmentAudience } from './readAudience.ts';

/** The outbox's key for one member's message of one campaign (and round): the last guard of exactly once. */
export const campaignDedupeKey = (campaignId: string, memberId: string, round = '') =>
  `campaign:${campaignId}:${memberId}${round ? `:${round}` : ''}`;

export function createFanOutStore(db: Database): FanOutStore {
  const { prisma } = db;
  const serialize = campaignMessageSerializer();
  const settleWith = (campaignId: string, decisions: readonly Decision[], at: Date, write: WriteOutcomes) => {
    // The messages are made before the transaction opens: it holds the campaign's row (and, on SQLite, the one
    // connection the chats share) only for the statements.
    const queued = queuedRows(campaignId, decisions, serialize);
    return prisma.$transaction(async (tx) => {
      // Taking the campaign's row first orders this batch against a pause or a cancel, which update it. PostgreSQL's
      // batches share it, so two can be written at once; SQLite's are one at a time anyway.
      if (!(await holdWhileSending(tx, db.provider, campaignId, at))) return false;
      const decided = await write(tx, db.provider, campaignId, decisions, at);
      await queueMessages(tx, db.provider, campaignId, queued, decided, at);
      return true;
    });
  };
  return {
    // Each batch's transaction takes a connection of its own from the pool, and shares the campaign's row (below).
    batchesAtOnce: db.provider === 'postgresql' ? 2 : 1,
    segmentAudience: (campaignId, query, category, capSince, after, limit) =>
      readSegmentAudience(prisma, db.provider, campaignId, query, categoryMuteTopic(category), capSince, after, limit),
    enrolDecided: (campaignId, decisions, at) => settleWith(campaignId, decisions, at, insertDecided),
    enrolNext: async (campaignId, query, after, limit, outcome) => {
      const members = await segmentMemberIds(prisma, db.provider, query, after, limit);
      if (members.length === 0) return null;
      // Chat requests that arrived during the read go first (core/campaigns/nextTurn.ts).
      await nextTurn();
      await insertRecipients(prisma, db.provider, campaignId, members, outcome);
      return members.length === limit ? members.at(-1)! : null;
    },
    enrolTriggered: async (campaignId, query, round, after, limit) => {
      const members = await prisma.member.findMany({
        where: { ...triggerWhere(campaignId, query), ...(after !== null && { id: { gt: after } }) },
        orderBy: { id: 'asc' },
        take: limit,
        select: { id: true },
      });
      if (members.length > 0)
        await prisma.$executeRaw`
          INSERT INTO "CampaignRecipient" ("campaignId", "memberId", "round", "outcome")
          VALUES ${Prisma.join(members.map((member) => Prisma.sql`(${campaignId}, ${member.id}, ${round}, 'pending')`))}
          ON CONFLICT DO NOTHING`;
      return members.length === limit ? members.at(-1)!.id : null;
    },
    cancelUndecided: async (campaignId) => {
      await prisma.campaignRecipient.updateMany({
        where: { campaignId, outcome: 'pending', campaign: { status: 'cancelled' } },
        data: { outcome: 'cancelled' },
      });
    },
    markEnrolled: async (campaignId, at) => {
      // PostgreSQL's statistics may still say the campaign has no recipients (autovacuum analyses later): it would then
      // settle each batch by reading every pending row instead of looking the batch's members up. SQLite's statement
      // (fanOutSql.ts) looks them up whatever its statistics say. Before the audience is declared whole, so the
      // decisions follow it at once.
      if (db.provider === 'postgresql') await prisma.$executeRaw`ANALYZE "CampaignRecipient"`;
      await prisma.campaign.updateMany({ where: { id: campaignId, enrolledAt: null }, data: { enrolledAt: at } });
    },
    pending: (campaignId, category, capSince, limit, after) =>
      readPendingAudience(prisma, db.provider, campaignId, categoryMuteTopic(category), capSince, limit, after),
    settle: (campaignId, decisions, at) => settleWith(campaignId, decisions, at, writeOutcomes),
    markFannedOut: async (campaignId, at) => {
      await prisma.campaign.updateMany({ where: { id: campaignId, fannedOutAt: null }, data: { fannedOutAt: at } });
    },
    finishIfSent: async (campaignId, at) => {
      const waiting = await prisma.outboxMessage.count({
        where: { campaignId, status: { in: ['pending', 'sending', 'paused'] } },
      });
      if (waiting > 0) return false;
      const { count } = await prisma.campaign.updateMany({
        where: { id: campaignId, status: 'sending', fannedOutAt: { not: null } },
        data: { status: 'done', endedAt: at, updatedAt: at },
      });
      return count === 1;
    },
  };
}

/** Locks the campaign's row for the batch's transaction if it is still sending; false when it is not. */
async function holdWhileSending(tx: Tx, provider: Provider, campaignId: string, at: Date): Promise<boolean> {
  if (provider === 'postgresql')
    return (
      (
        await tx.$queryRaw<unknown[]>`
          SELECT 1 FROM "Campaign" WHERE "id" = ${campaignId} AND "status" = 'sending' FOR SHARE`
      ).length === 1
    );
  const { count } = await tx.campaign.updateMany({
    where: { id: campaignId, status: 'sending' },
    data: { updatedAt: at },
  });
  return count === 1;
}

/** The outbox rows of a batch's queued members, grouped by when they may go (a batch has one moment). */
type QueuedGroups = Map<number, { notBefore: Date; rows: Array<QueuedRow & { key: string }> }>;

function queuedRows(
  campaignId: string,
  decisions: readonly Decision[],
  serialize: (message: Outbound) => string,
): QueuedGroups {
  const byTime: QueuedGroups = new Map();
  for (const decision of decisions) {
    if (decision.outcome !== 'queued') continue;
    const time = decision.notBefore.getTime();
    let group = byTime.get(time);
    if (!group) byTime.set(time, (group = { notBefore: decision.notBefore, rows: [] }));
    group.rows.push({
      key: recipientKey(decision.memberId, decision.round),
      id: timeOrderedId(),
      channel: decision.chat.channel,
      address: decision.chat.address,
      memberId: decision.memberId,
      dedupeKey: campaignDedupeKey(campaignId, decision.memberId, decision.round),
      payload: serialize(decision.message),
    });
  }
  return byTime;
}

/**
 * Writes the outbox rows of the members this batch decided as queued, one
 * statement for each moment: a member another instance decided meanwhile
 * gets theirs from that instance, so what was recorded and what is sent
 * never disagree.
 */
async function queueMessages(
  tx: Tx,
  provider: Provider,
  campaignId: string,
  queued: QueuedGroups,
  decided: ReadonlySet<string>,
  at: Date,
): Promise<void> {
  for (const { notBefore, rows } of queued.values()) {
    const mine = rows.filter((row) => decided.has(row.key)).map(({ key: _key, ...row }) => row);
    if (mine.length > 0) await insertMessages(tx, provider, campaignId, mine, notBefore, at);
  }
}

/** An automatic message's trigger as a filter on members: only those who agreed to news and offers are enrolled. */
function triggerWhere(campaignId: string, query: TriggerQuery): Prisma.MemberWhereInput {
  const base = { erasedAt: null, marketingOptIn: true };
  if (query.kind === 'joined')
    return { ...base, OR: query.ranges.map((range) => ({ createdAt: { gte: range.atLeast, lt: range.before } })) };
  return {
    ...base,
    lastPurchaseAt: { not: null, lt: query.lastPurchaseBefore },
    // Once per member in its days: a member still waiting for a decision counts as written to.
    campaignRecipients: {
      none: { campaignId, OR: [{ decidedAt: { gte: query.notMessagedSince } }, { outcome: 'pending' }] },
    },
  };
}
