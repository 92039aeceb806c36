import type { AudienceMember, Decision, FanOutStore } from '../../campaigns/campaignsPorts.ts';
import type { TriggerQuery } from '../../campaigns/automationAudience.ts';
import { categoryMuteTopic } from '../../campaigns/campaignCategories.ts';
import { isLocale } from '../../i18n/locale.ts';
import { serializeReplies } from '../conversation/storedReplies.ts';
import type { Database, Provider, Tx } from '../db/openDatabase.ts';
import { timeOrderedId } from '../db/timeOrderedId.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { segmentMemberIds } from '../segments/segmentMemberIds.ts';
import { bestChat, type ReachableChat } from './bestChat.ts';
import {
  insertMessages,
  insertRecipients,
  readPending,
  recipientKey,
  writeOutcomes,
  type PendingRow,
  type QueuedRow,
} from './fanOutSql.ts';

/** The outbox's key for one member's message of one campaign (and round): the last guard of exactly once. */
export const campaignDedupeKey = (campaignId: string, memberId: string, round = '') =>
  `campaign:${campaignId}:${memberId}${round ? `:${round}` : ''}`;

export function createFanOutStore(db: Database): FanOutStore {
  const { prisma } = db;
  return {
    lastEnrolled: async (campaignId) =>
      (
        await prisma.campaignRecipient.findFirst({
          where: { campaignId },
          orderBy: { memberId: 'desc' },
          select: { memberId: true },
        })
      )?.memberId ?? null,
    enrolNext: async (campaignId, query, after, limit) => {
      const members = await segmentMemberIds(prisma, db.provider, query, after, limit);
      if (members.length > 0) await insertRecipients(prisma, db.provider, campaignId, members);
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
    pending: async (campaignId, category, capSince, limit) => {
      const rows = await readPending(prisma, campaignId, categoryMuteTopic(category), capSince, limit);
      return audienceOf(rows);
    },
    settle: (campaignId, decisions, at) =>
      prisma.$transaction(async (tx) => {
        // Taking the campaign's row first orders this batch against a pause or a cancel, which take it too.
        const { count } = await tx.campaign.updateMany({
          where: { id: campaignId, status: 'sending' },
          data: { updatedAt: at },
        });
        if (count === 0) return false;
        const decided = await writeOutcomes(tx, db.provider, campaignId, decisions, at);
        await queueMessages(tx, db.provider, campaignId, decisions, decided, at);
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

/**
 * The outbox rows of the members this batch decided as queued: a member
 * another instance decided meanwhile gets theirs from that instance, so what
 * was recorded and what is sent never disagree.
 */
async function queueMessages(
  tx: Tx,
  provider: Provider,
  campaignId: string,
  decisions: readonly Decision[],
  decided: ReadonlySet<string>,
  at: Date,
): Promise<void> {
  // The rows by when they may go: one statement for each moment (a batch has one).
  const byTime = new Map<number, { notBefore: Date; rows: QueuedRow[] }>();
  for (const decision of decisions) {
    if (decision.outcome !== 'queued' || !decided.has(recipientKey(decision.memberId, decision.round))) continue;
    const group = byTime.get(decision.notBefore.getTime()) ?? { notBefore: decision.notBefore, rows: [] };
    group.rows.push({
      id: timeOrderedId(),
      channel: decision.chat.channel,
      address: decision.chat.address,
      memberId: decision.memberId,
      dedupeKey: campaignDedupeKey(campaignId, decision.memberId, decision.round),
      payload: serializeReplies([decision.message]),
    });
    byTime.set(decision.notBefore.getTime(), group);
  }
  for (const { notBefore, rows } of byTime.values())
    await insertMessages(tx, provider, campaignId, rows, notBefore, at);
}

/** The rows of `readPending` (one per chat) as one audience member each, in their order. */
function audienceOf(rows: readonly PendingRow[]): AudienceMember[] {
  const members: AudienceMember[] = [];
  const chats: ReachableChat[][] = [];
  let last: PendingRow | undefined;
  for (const row of rows) {
    if (!last || row.memberId !== last.memberId || row.round !== last.round) {
      if (last) members.push(memberOf(last, chats.at(-1)!));
      chats.push([]);
      last = row;
    }
    if (row.channel !== null && row.address !== null)
      chats.at(-1)!.push({
        channel: row.channel,
        address: row.address,
        lastSeenAt: row.lastSeenAt === null ? null : new Date(row.lastSeenAt),
        updatedAt: new Date(row.updatedAt!),
      });
  }
  if (last) members.push(memberOf(last, chats.at(-1)!));
  return members;
}

function memberOf(row: PendingRow, chats: readonly ReachableChat[]): AudienceMember {
  return {
    memberId: row.memberId,
    round: row.round,
    name: row.name,
    locale: isLocale(row.locale) ? row.locale : 'en',
    balance: Number(row.balance),
    tier: row.tier,
    // Erasing a member's data withdraws every consent they gave.
    optedIn: Boolean(row.marketingOptIn) && !row.erased,
    categoryMuted: Boolean(row.muted),
    recentMessages: Number(row.recent),
    chat: bestChat(chats, row.notifyChannel),
  };
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
