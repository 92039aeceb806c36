import type { Decision, FanOutStore } from '../../campaigns/campaignsPorts.ts';
import { categoryMuteTopic } from '../../campaigns/campaignCategories.ts';
import { isLocale } from '../../i18n/locale.ts';
import { serializeReplies } from '../conversation/storedReplies.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { timeOrderedId } from '../db/timeOrderedId.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { segmentWhere } from '../segments/segmentWhere.ts';
import { bestChat } from './bestChat.ts';

/** The outbox's key for one member's message of one campaign: the last guard of exactly once. */
export const campaignDedupeKey = (campaignId: string, memberId: string) => `campaign:${campaignId}:${memberId}`;

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
    markEnrolled: async (campaignId, at) => {
      await prisma.campaign.updateMany({ where: { id: campaignId, enrolledAt: null }, data: { enrolledAt: at } });
    },
    pending: async (campaignId, category, capSince, limit) => {
      const ids = (
        await prisma.campaignRecipient.findMany({
          where: { campaignId, outcome: 'pending' },
          orderBy: { memberId: 'asc' },
          take: limit,
          select: { memberId: true },
        })
      ).map((row) => row.memberId);
      if (ids.length === 0) return [];
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
      return ids.map((memberId) => {
        const member = byId.get(memberId);
        const chat = member ? bestChat(member.chats, member.notifyChannel) : null;
        return {
          memberId,
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
  const byOutcome = new Map<string, string[]>();
  for (const decision of decisions)
    byOutcome.set(decision.outcome, [...(byOutcome.get(decision.outcome) ?? []), decision.memberId]);
  for (const [outcome, memberIds] of byOutcome)
    await tx.campaignRecipient.updateMany({
      where: { campaignId, memberId: { in: memberIds }, outcome: 'pending' },
      data: { outcome, decidedAt: at },
    });
}

async function queueMessages(tx: Tx, campaignId: string, decisions: readonly Decision[], at: Date): Promise<void> {
  const rows = decisions.flatMap((decision) =>
    decision.outcome === 'queued'
      ? [
          Prisma.sql`(${timeOrderedId()}, ${decision.chat.channel}, ${decision.chat.address}, ${decision.memberId},
            ${campaignDedupeKey(campaignId, decision.memberId)}, ${serializeReplies([decision.message])}, 'pending', 0,
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
