import type { AudienceMember, RecipientCursor } from '../../campaigns/campaignsPorts.ts';
import { isLocale } from '../../i18n/locale.ts';
import type { Provider, Tx } from '../db/openDatabase.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import type { SegmentQuery } from '../../segments/segmentQuery.ts';
import { segmentCondition } from '../segments/segmentCondition.ts';
import { bestChat, type ReachableChat } from './bestChat.ts';

/**
 * The next undecided members of a campaign after `after`, walked in the
 * order of the index on (campaignId, outcome, memberId, round), each with
 * what deciding needs.
 */
export function readPendingAudience(
  prisma: Tx,
  provider: Provider,
  campaignId: string,
  topic: string,
  capSince: Date,
  limit: number,
  after: RecipientCursor | null,
): Promise<AudienceMember[]> {
  const past = after ? Prisma.sql`AND ("memberId", "round") > (${after.memberId}, ${after.round})` : Prisma.empty;
  return readAudience(
    prisma,
    provider,
    Prisma.sql`
      SELECT "memberId", "round" FROM "CampaignRecipient"
      WHERE "campaignId" = ${campaignId} AND "outcome" = 'pending' ${past}
      ORDER BY "memberId", "round"
      LIMIT ${limit}`,
    topic,
    capSince,
  );
}

/**
 * The next members a segment matches after `after` (null: from the first)
 * that the campaign has not enrolled, in id order, each with what deciding
 * needs.
 */
export function readSegmentAudience(
  prisma: Tx,
  provider: Provider,
  campaignId: string,
  query: SegmentQuery,
  topic: string,
  capSince: Date,
  after: string | null,
  limit: number,
): Promise<AudienceMember[]> {
  return readAudience(
    prisma,
    provider,
    Prisma.sql`
      SELECT m."id" AS "memberId", '' AS "round" FROM "Member" m
      WHERE ${segmentCondition(query, provider)} AND m."id" > ${after ?? ''}
        AND NOT EXISTS (SELECT 1 FROM "CampaignRecipient" r
          WHERE r."campaignId" = ${campaignId} AND r."memberId" = m."id" AND r."round" = '' ${lookupEach(provider)})
      ORDER BY m."id" LIMIT ${limit}`,
    topic,
    capSince,
  );
}

/**
 * The members of a page (a query of "memberId" and "round"), each with what
 * deciding needs: the member, whether they muted the category, their
 * campaign messages since `capSince`, and their best reachable chat.
 *
 * The database hands the whole batch back as one JSON text (a row per
 * member and chat, each an array): mapping a result of fifteen columns by
 * five hundred rows cell by cell costs the client about twice what the
 * statement itself does, and `JSON.parse` reads the same in a fraction.
 */
async function readAudience(
  prisma: Tx,
  provider: Provider,
  page: Prisma.Sql,
  topic: string,
  capSince: Date,
): Promise<AudienceMember[]> {
  const [result] = await prisma.$queryRaw<Array<{ rows: string | null }>>`
    WITH "page" AS (${page}), "pending" AS (
      SELECT p."memberId", p."round", m."name", m."locale", m."balance", m."tier", m."marketingOptIn",
        m."erasedAt" IS NOT NULL AS "erased", m."notifyChannel",
        EXISTS (SELECT 1 FROM "NotificationMute" n WHERE n."memberId" = p."memberId" AND n."topic" = ${topic}) AS "muted",
        (SELECT COUNT(*) FROM "CampaignRecipient" q
          WHERE q."memberId" = p."memberId" AND q."outcome" = 'queued' AND q."decidedAt" >= ${capSince}) AS "recent",
        c."channel", c."address", ${instant(provider, 'c."lastSeenAt"')} AS "lastSeenAt", ${instant(provider, 'c."updatedAt"')} AS "updatedAt"
      FROM "page" p ${lookups(provider)}
    )
    SELECT ${aggregate(provider)} AS "rows" FROM "pending"`;
  return audienceOf(JSON.parse(result?.rows ?? '[]') as PendingRow[]);
}

/** One pending recipient and one of their reachable chats (chat fields null when they have none), as the JSON holds it. */
type PendingRow = [
  memberId: string,
  round: string,
  name: string,
  locale: string,
  balance: number,
  tier: string | null,
  marketingOptIn: boolean | number,
  erased: boolean | number,
  notifyChannel: string | null,
  muted: boolean | number,
  recent: number,
  channel: string | null,
  address: string | null,
  lastSeenAt: string | number | null,
  updatedAt: string | number | null,
];

const COLUMNS = Prisma.raw(
  `"memberId", "round", "name", "locale", "balance", "tier", "marketingOptIn", "erased", "notifyChannel", "muted", "recent", "channel", "address", "lastSeenAt", "updatedAt"`,
);

/**
 * Each member's row and reachable chats, looked up by key for each member of
 * the page. PostgreSQL's planner, left to itself, sometimes hashes all of
 * `Member` and `Chat` to join a thousand rows (its estimate for a campaign
 * just enrolled is poor), which made the read four times slower; a lateral
 * subquery with `OFFSET 0` is not flattened into the join, so it stays a
 * lookup per member. SQLite looks them up by key in any case.
 */
function lookups(provider: Provider): Prisma.Sql {
  return provider === 'sqlite'
    ? Prisma.sql`
      JOIN "Member" m ON m."id" = p."memberId"
      LEFT JOIN "Chat" c ON c."memberId" = p."memberId" AND c."unreachableAt" IS NULL`
    : Prisma.sql`
      CROSS JOIN LATERAL (SELECT * FROM "Member" m WHERE m."id" = p."memberId" OFFSET 0) m
      LEFT JOIN LATERAL (
        SELECT * FROM "Chat" c WHERE c."memberId" = p."memberId" AND c."unreachableAt" IS NULL OFFSET 0
      ) c ON true`;
}

/**
 * Keeps PostgreSQL from turning `NOT EXISTS` into an anti-join, which it may
 * do by reading every recipient the campaign has so far for each batch: with
 * an `OFFSET` the subquery stays a lookup in the recipients' key per member.
 * SQLite looks it up per member in any case (and takes no `OFFSET` alone).
 */
function lookupEach(provider: Provider): Prisma.Sql {
  return provider === 'sqlite' ? Prisma.empty : Prisma.sql`OFFSET 0`;
}

/** The rows as one JSON array of arrays, in member order (`audienceOf` groups a member's chats by it). */
function aggregate(provider: Provider): Prisma.Sql {
  return provider === 'sqlite'
    ? Prisma.sql`json_group_array(json_array(${COLUMNS}) ORDER BY "memberId", "round")`
    : Prisma.sql`coalesce(json_agg(json_build_array(${COLUMNS}) ORDER BY "memberId", "round"), '[]')::text`;
}

/**
 * An instant as JSON can carry it: SQLite keeps it as ISO text already;
 * PostgreSQL's `timestamp` would come out without its zone (read back as
 * local time), so it goes as milliseconds since the epoch.
 */
function instant(provider: Provider, column: string): Prisma.Sql {
  return Prisma.raw(provider === 'sqlite' ? column : `(extract(epoch from ${column}) * 1000)`);
}

/** The rows (one per chat) as one audience member each, in their order. */
function audienceOf(rows: readonly PendingRow[]): AudienceMember[] {
  const members: AudienceMember[] = [];
  let chats: ReachableChat[] = [];
  let last: PendingRow | undefined;
  for (const row of rows) {
    if (!last || row[0] !== last[0] || row[1] !== last[1]) {
      if (last) members.push(memberOf(last, chats));
      chats = [];
      last = row;
    }
    const [, , , , , , , , , , , channel, address, lastSeenAt, updatedAt] = row;
    if (channel !== null && address !== null)
      chats.push({
        channel,
        address,
        lastSeenAt: lastSeenAt === null ? null : new Date(lastSeenAt),
        updatedAt: new Date(updatedAt!),
      });
  }
  if (last) members.push(memberOf(last, chats));
  return members;
}

function memberOf(row: PendingRow, chats: readonly ReachableChat[]): AudienceMember {
  const [memberId, round, name, locale, balance, tier, marketingOptIn, erased, notifyChannel, muted, recent] = row;
  return {
    memberId,
    round,
    name,
    locale: isLocale(locale) ? locale : 'en',
    balance: Number(balance),
    tier,
    // Erasing a member's data withdraws every consent they gave.
    optedIn: Boolean(marketingOptIn) && !erased,
    categoryMuted: Boolean(muted),
    recentMessages: Number(recent),
    chat: bestChat(chats, notifyChannel),
  };
}
