import type { Decision, FanOutStore } from '../../campaigns/campaignsPorts.ts';
import type { TriggerQuery } from '../../campaigns/automationAudience.ts';
import { categoryMuteTopic } from '../../campaigns/campaignCategories.ts';
import { isLocale } from '../../i18n/locale.ts';
import { serializeReplies } from '../conversation/storedReplies.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { timeOrderedId } from '../db/timeOrderedId.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { segmentWhere } from '../segments/segmentWhere.ts';
import { bestChat } from './bestChat.ts';

/** The outbox's key for one member's message of one campaign (and round): the last guard of exactly once. */
export const campaignDedupeKey = (campaignId: string, memberId: string, round = '') =>
  `campaign:${campaignId}:${memberId}${round ? `:${round}` : ''}`;

export function createFanOutStore(db: Database): FanOutStore {
  const { prisma } = db;
  return {
    enrolNext: async (campaignId, query, limit) => {
      // Members are enrolled in id order, so where the last batch ended is the largest id enrolled.
      const last = await prisma.campaignRecipient.aggregate({ where: { campaignId }, _max: { memberId: true } });
      const after = last._max.memberId;
      const members = await prisma.member.findMany({
        where: { ...segmentWhere(query), ...(after !== null && { id: { gt: after } }) },
        orderBy: { id: 'asc' },
        take: limit,
        select: { id: true },
      });
      if (members.length > 0)
        await prisma.$executeRaw`
          INSERT INTO "CampaignRecipient" ("campaignId", "memberId", "outcome")
          VALUES ${Prisma.join(members.map((member) => Prisma.sql`(${campaignId}, ${member.id}, 'pending')`))}
          ON CONFLICT DO NOTHING`;
      return members.length;
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
    markEnrolled: async (campaignId, at) => {
      await prisma.campaign.updateMany({ where: { id: campaignId, enrolledAt: null }, data: { enrolledAt: at } });
    },
    pending: async (campaignId, category, capSince, limit) => {
      const rows = await prisma.campaignRecipient.findMany({
        where: { campaignId, outcome: 'pending' },
        orderBy: [{ memberId: 'asc' }, { round: 'asc' }],
        take: limit,
        select: { memberId: true, round: true },
      });
      if (rows.length === 0) return [];
      const ids = [...new Set(rows.map((row) => row.memberId))];
      const [members, recent] = await Promise.all([
        prisma.member.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            name: true,
            locale: true,
            balance: true,
            tier: true,
            marketingOptIn: true,
            erasedAt: true,
            notifyChannel: true,
            chats: {
              where: { unreachableAt: null },
              select: { channel: true, address: true, lastSeenAt: true, updatedAt: true },
            },
            mutes: { where: { topic: categoryMuteTopic(category) }, select: { topic: true } },
          },
        }),
        prisma.campaignRecipient.groupBy({
          by: ['memberId'],
          where: { memberId: { in: ids }, outcome: 'queued', decidedAt: { gte: capSince } },
          _count: { _all: true },
        }),
      ]);
      const recentOf = new Map(recent.map((row) => [row.memberId, row._count._all]));
      const byId = new Map(members.map((member) => [member.id, member]));
      return rows.map(({ memberId, round }) => {
        const member = byId.get(memberId);
        const chat = member ? bestChat(member.chats, member.notifyChannel) : null;
        return {
          memberId,
          round,
          name: member?.name ?? '',
          locale: member && isLocale(member.locale) ? member.locale : 'en',
          balance: member?.balance ?? 0,
          tier: member?.tier ?? null,
          // Erasing a member's data withdraws every consent they gave.
          optedIn: Boolean(member?.marketingOptIn && !member.erasedAt),
          categoryMuted: (member?.mutes.length ?? 0) > 0,
          recentMessages: recentOf.get(memberId) ?? 0,
          chat,
        };
      });
    },
    settle: (campaignId, decisions, at) =>
      prisma.$transaction(async (tx) => {
        // Taking the campaign's row first orders this batch against a pause or a cancel, which take it too.
        const { count } = await tx.campaign.updateMany({
          where: { id: campaignId, status: 'sending' },
          data: { updatedAt: at },
        });
        if (count === 0) return false;
        await writeOutcomes(tx, campaignId, decisions, at);
        await queueMessages(tx, campaignId, decisions, at);
        return true;
      }),
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

async function writeOutcomes(tx: Tx, campaignId: string, decisions: readonly Decision[], at: Date): Promise<void> {
  const groups = new Map<string, { outcome: string; round: string; memberIds: string[] }>();
  for (const { outcome, round, memberId } of decisions) {
    const key = `${outcome}\u0000${round}`;
    const group = groups.get(key) ?? { outcome, round, memberIds: [] };
    group.memberIds.push(memberId);
    groups.set(key, group);
  }
  for (const { outcome, round, memberIds } of groups.values())
    await tx.campaignRecipient.updateMany({
      where: { campaignId, round, memberId: { in: memberIds }, outcome: 'pending' },
      data: { outcome, decidedAt: at },
    });
}

async function queueMessages(tx: Tx, campaignId: string, decisions: readonly Decision[], at: Date): Promise<void> {
  const rows = decisions.flatMap((decision) =>
    decision.outcome === 'queued'
      ? [
          Prisma.sql`(${timeOrderedId()}, ${decision.chat.channel}, ${decision.chat.address}, ${decision.memberId},
            ${campaignDedupeKey(campaignId, decision.memberId, decision.round)}, ${serializeReplies([decision.message])}, 'pending', 0,
            ${decision.notBefore}, ${at}, ${campaignId})`,
        ]
      : [],
  );
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "channel", "address", "memberId", "dedupeKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "campaignId")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
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
