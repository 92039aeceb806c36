import type { Channel } from '../../inbound.ts';
import type { Outbound } from '../../outbound.ts';
import type { Tx } from '../db/openDatabase.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { channelPreference } from '../../outbox/channelPreference.ts';
import type { Database } from '../db/openDatabase.ts';
import { timeOrderedId } from '../db/timeOrderedId.ts';
import { serializeReplies } from '../conversation/storedReplies.ts';
import type { NotificationTopic } from '../../notifications/notificationTopics.ts';
import type { DeskDraft } from '../../desk/deskPorts.ts';
import { DESK_LANE } from '../../outbox/outboxPorts.ts';

export { claimDue } from './claimDue.ts';

/** A message the system sends on its own, as its cause writes it. */
export interface OutboxDraft {
  /** The member it is for; null for someone who is no member (a staff chat), then `channel` and `address` are required. */
  memberId: string | null;
  /** One message per cause (`purchase:<id>:confirmation`); a second draft with the same key is ignored. */
  dedupeKey: string;
  message: Outbound;
  /** A particular chat; without them the member's best reachable chat is chosen. `channel` alone narrows the choice. */
  channel?: Channel;
  address?: string;
  /** When it was caused, by the core's clock; it orders the outbox (default: now). */
  at?: Date;
  /** Not to be sent before this (a greeting at a decent hour); default: at once. */
  notBefore?: Date;
  /**
   * The kind of message. When the member switched it off, the row is still
   * written (its dedupe key still says "done") but as `muted`, never sent.
   */
  topic?: NotificationTopic;
  /** The staff-desk ticket it answers, so staff hear when it cannot be delivered. */
  ticketId?: string;
}

/**
 * `no-reachable-chat`: the member has no chat we may write to, so nothing was written.
 * `not-queued`: nothing was written, and the caller did not ask which of the two it was.
 */
export type EnqueueOutcome = 'queued' | 'duplicate' | 'no-reachable-chat' | 'not-queued';

export interface EnqueueOptions {
  /**
   * Tell a repeated key from a member nobody can reach when nothing was
   * written (default). It costs a query, every time for a member with no chat
   * (enrolled at the till); a caller that does not look at the outcome says false.
   */
  tellWhyNot?: boolean;
}

/** `channelPreference` as SQL: the channels a member may be reached on, and their rank for ORDER BY. */
const preferredChannels = Prisma.join(channelPreference);
const channelRank = Prisma.sql`CASE "channel" ${Prisma.join(
  channelPreference.map((channel, rank) => Prisma.sql`WHEN ${channel} THEN ${rank}`),
  ' ',
)} END`;

/**
 * Writes a message to the outbox inside the caller's transaction, so it is
 * sent if and only if its cause commits. The insert cannot fail on a repeated
 * key (`ON CONFLICT DO NOTHING`): on PostgreSQL a failed statement would
 * abort the caller's whole transaction.
 */
export async function enqueueInTransaction(
  tx: Tx,
  draft: OutboxDraft,
  options: EnqueueOptions = {},
): Promise<EnqueueOutcome> {
  if (draft.address === undefined && draft.memberId !== null && !draft.channel)
    return enqueueToBestChat(tx, draft, draft.memberId, options.tellWhyNot ?? true);
  const target = await resolveTarget(tx, draft);
  if (!target) return 'no-reachable-chat';
  const at = draft.at ?? new Date();
  const status = (await isMuted(tx, draft)) ? 'muted' : 'pending';
  const inserted = await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "channel", "address", "memberId", "ticketId", "dedupeKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${timeOrderedId()}, ${target.channel}, ${target.address}, ${draft.memberId}, ${draft.ticketId ?? null}, ${draft.dedupeKey},
            ${serializeReplies([draft.message])}, ${status}, 0, ${draft.notBefore ?? at}, ${at})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return inserted === 1 ? 'queued' : 'duplicate';
}

/**
 * A post for a staff-desk ticket's thread, inside the caller's transaction.
 * Its address is the ticket, so the lane keeps one ticket's posts in order.
 * `notBefore` holds it back (a merged post waiting for the rest of a burst).
 */
export async function enqueueDeskPost(
  tx: Tx,
  ticketId: string,
  draft: DeskDraft,
  at: Date = new Date(),
  notBefore: Date = at,
): Promise<EnqueueOutcome> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "channel", "address", "memberId", "ticketId", "dedupeKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${timeOrderedId()}, ${DESK_LANE}, ${ticketId}, NULL, ${ticketId}, ${draft.dedupeKey}, ${JSON.stringify(draft.post)}, 'pending', 0, ${notBefore}, ${at})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return inserted === 1 ? 'queued' : 'duplicate';
}

/**
 * A member's chats, best first: the channel they chose for notifications,
 * then the chat they used most recently, then (for chats used before this
 * was kept) `channelPreference`'s order and the latest change.
 */
const bestFirst = (memberId: string) => Prisma.sql`
    CASE WHEN "channel" = (SELECT "notifyChannel" FROM "Member" WHERE "id" = ${memberId}) THEN 0 ELSE 1 END,
    CASE WHEN "lastSeenAt" IS NULL THEN 1 ELSE 0 END, "lastSeenAt" DESC, ${channelRank}, "updatedAt" DESC`;

/**
 * The common case — a member's message to their best reachable chat — in
 * one statement: every purchase writes one, so the chat lookup rides inside
 * the insert. The order is `bestFirst`'s.
 */
async function enqueueToBestChat(
  tx: Tx,
  draft: OutboxDraft,
  memberId: string,
  tellWhyNot: boolean,
): Promise<EnqueueOutcome> {
  const at = draft.at ?? new Date();
  const inserted = await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "channel", "address", "memberId", "dedupeKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
    SELECT ${timeOrderedId()}, "channel", "address", ${memberId}, ${draft.dedupeKey}, ${serializeReplies([draft.message])},
           CASE WHEN EXISTS (SELECT 1 FROM "NotificationMute" WHERE "memberId" = ${memberId} AND "topic" = ${draft.topic ?? ''}) THEN 'muted' ELSE 'pending' END,
           0, ${draft.notBefore ?? at}, ${at}
    FROM "Chat"
    WHERE "memberId" = ${memberId} AND "unreachableAt" IS NULL AND "channel" IN (${preferredChannels})
    ORDER BY ${bestFirst(memberId)}
    LIMIT 1
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  if (inserted === 1) return 'queued';
  if (!tellWhyNot) return 'not-queued';
  // Tell a repeated key from a member nobody can reach.
  const exists = await tx.outboxMessage.findUnique({ where: { dedupeKey: draft.dedupeKey }, select: { id: true } });
  return exists ? 'duplicate' : 'no-reachable-chat';
}

/** The same in a transaction of its own, for a message that has no other write to go with. */
export function enqueue(db: Database, draft: OutboxDraft): Promise<EnqueueOutcome> {
  return db.prisma.$transaction((tx) => enqueueInTransaction(tx, draft));
}

async function isMuted(tx: Tx, draft: OutboxDraft): Promise<boolean> {
  if (!draft.topic || draft.memberId === null) return false;
  return (await tx.notificationMute.count({ where: { memberId: draft.memberId, topic: draft.topic } })) > 0;
}

async function resolveTarget(tx: Tx, draft: OutboxDraft): Promise<{ channel: Channel; address: string } | null> {
  if (draft.address !== undefined) {
    if (!draft.channel)
      throw new TypeError(`An outbox message for an address needs its channel too (dedupe key "${draft.dedupeKey}").`);
    return { channel: draft.channel, address: draft.address };
  }
  if (draft.memberId === null) {
    throw new TypeError(
      `An outbox message for no member needs a channel and an address (dedupe key "${draft.dedupeKey}").`,
    );
  }
  const only = draft.channel ? Prisma.sql`AND "channel" = ${draft.channel}` : Prisma.empty;
  const [chat] = await tx.$queryRaw<Array<{ channel: Channel; address: string }>>`
    SELECT "channel", "address" FROM "Chat"
    WHERE "memberId" = ${draft.memberId} AND "unreachableAt" IS NULL AND "channel" IN (${preferredChannels}) ${only}
    ORDER BY ${bestFirst(draft.memberId)}
    LIMIT 1`;
  return chat ?? null;
}
