import type { Decision } from '../../campaigns/campaignsPorts.ts';
import type { Provider, Tx } from '../db/openDatabase.ts';
import { Prisma } from '../generated/sqlite/client.ts';

/**
 * The fan-out's set-based statements: each takes a whole batch as one JSON
 * parameter and lets the database join it, instead of a statement per group
 * or thousands of bound values that the client would check and bind one by
 * one. Both databases read the JSON themselves (SQLite's `json_each`,
 * PostgreSQL's `jsonb_to_recordset`), so the two texts differ only there.
 */

/** Enrols the members with these ids as `outcome`, once each: a member enrolled already stays as they are. */
export async function insertRecipients(
  prisma: Tx,
  provider: Provider,
  campaignId: string,
  memberIds: readonly string[],
  outcome: 'pending' | 'cancelled',
): Promise<void> {
  const ids = JSON.stringify(memberIds);
  // SQLite needs a WHERE before ON CONFLICT to tell the upsert from a join's ON.
  await (provider === 'sqlite'
    ? prisma.$executeRaw`
        INSERT INTO "CampaignRecipient" ("campaignId", "memberId", "outcome")
        SELECT ${campaignId}, "value", ${outcome} FROM json_each(${ids}) WHERE true
        ON CONFLICT DO NOTHING`
    : prisma.$executeRaw`
        INSERT INTO "CampaignRecipient" ("campaignId", "memberId", "outcome")
        SELECT ${campaignId}, "value", ${outcome} FROM jsonb_array_elements_text(${ids}::jsonb) AS "value"
        ON CONFLICT DO NOTHING`);
}

/** Records a batch's outcomes, resolving to the keys (`recipientKey`) this call decided. */
export type WriteOutcomes = (
  tx: Tx,
  provider: Provider,
  campaignId: string,
  decisions: readonly Decision[],
  at: Date,
) => Promise<Set<string>>;

/**
 * Enrols each decision's member with their outcome, one statement for the
 * batch; resolves to the keys (`recipientKey`) it enrolled. A member
 * enrolled already, by another instance, is not among them.
 */
export const insertDecided: WriteOutcomes = async (tx, provider, campaignId, decisions, at) => {
  const json = JSON.stringify(decisions.map(({ memberId, round, outcome }) => [memberId, round, outcome]));
  const rows = await (provider === 'sqlite'
    ? tx.$queryRaw<Array<{ memberId: string; round: string }>>`
        INSERT INTO "CampaignRecipient" ("campaignId", "memberId", "round", "outcome", "decidedAt")
        SELECT ${campaignId}, "value" ->> 0, "value" ->> 1, "value" ->> 2, ${at} FROM json_each(${json}) WHERE true
        ON CONFLICT DO NOTHING
        RETURNING "memberId", "round"`
    : tx.$queryRaw<Array<{ memberId: string; round: string }>>`
        INSERT INTO "CampaignRecipient" ("campaignId", "memberId", "round", "outcome", "decidedAt")
        SELECT ${campaignId}, d ->> 0, d ->> 1, d ->> 2, ${at}::timestamp(3) FROM jsonb_array_elements(${json}::jsonb) AS d
        ON CONFLICT DO NOTHING
        RETURNING "memberId", "round"`);
  return new Set(rows.map((row) => recipientKey(row.memberId, row.round)));
};

/**
 * Writes each decision's outcome where the member is still pending, a
 * statement per outcome (and round) with the members' ids as one JSON
 * list; resolves to the keys (`recipientKey`) it decided. A member another
 * instance decided first is not among them. The ids are matched with `IN`,
 * which both databases look up in the recipients' key whatever their
 * statistics say: a join with the JSON lets SQLite, whose statistics were
 * taken before the campaign had recipients, read every pending row for each
 * id instead.
 */
export const writeOutcomes: WriteOutcomes = async (tx, provider, campaignId, decisions, at) => {
  const groups = new Map<string, { outcome: string; round: string; memberIds: string[] }>();
  for (const { outcome, round, memberId } of decisions) {
    const key = recipientKey(outcome, round);
    const group = groups.get(key) ?? { outcome, round, memberIds: [] };
    group.memberIds.push(memberId);
    groups.set(key, group);
  }
  const decided = new Set<string>();
  for (const { outcome, round, memberIds } of groups.values()) {
    const ids = JSON.stringify(memberIds);
    const among =
      provider === 'sqlite'
        ? Prisma.sql`IN (SELECT "value" FROM json_each(${ids}))`
        : Prisma.sql`= ANY (ARRAY(SELECT jsonb_array_elements_text(${ids}::jsonb)))`;
    const rows = await tx.$queryRaw<Array<{ memberId: string }>>`
      UPDATE "CampaignRecipient" SET "outcome" = ${outcome}, "decidedAt" = ${at}
      WHERE "campaignId" = ${campaignId} AND "memberId" ${among} AND "round" = ${round} AND "outcome" = 'pending'
      RETURNING "memberId"`;
    for (const row of rows) decided.add(recipientKey(row.memberId, round));
  }
  return decided;
};

export const recipientKey = (memberId: string, round: string) => `${memberId}\u0000${round}`;

/** An outbox row of one queued member, as `insertMessages` writes it. */
export interface QueuedRow {
  id: string;
  channel: string;
  address: string;
  memberId: string;
  dedupeKey: string;
  payload: string;
}

/** Writes the queued members' outbox rows, due at `notBefore`; a row whose dedupe key exists already is skipped. */
export async function insertMessages(
  tx: Tx,
  provider: Provider,
  campaignId: string,
  rows: readonly QueuedRow[],
  notBefore: Date,
  at: Date,
): Promise<void> {
  const json = JSON.stringify(rows);
  await (provider === 'sqlite'
    ? tx.$executeRaw`
        INSERT INTO "OutboxMessage" ("id", "channel", "address", "memberId", "dedupeKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "campaignId")
        SELECT json_extract("value", '$.id'), json_extract("value", '$.channel'), json_extract("value", '$.address'),
          json_extract("value", '$.memberId'), json_extract("value", '$.dedupeKey'), json_extract("value", '$.payload'),
          'pending', 0, ${notBefore}, ${at}, ${campaignId}
        FROM json_each(${json}) WHERE true
        ON CONFLICT ("dedupeKey") DO NOTHING`
    : tx.$executeRaw`
        INSERT INTO "OutboxMessage" ("id", "channel", "address", "memberId", "dedupeKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "campaignId")
        SELECT d."id", d."channel", d."address", d."memberId", d."dedupeKey", d."payload", 'pending', 0, ${notBefore}::timestamp(3), ${at}::timestamp(3), ${campaignId}
        FROM jsonb_to_recordset(${json}::jsonb)
          AS d("id" text, "channel" text, "address" text, "memberId" text, "dedupeKey" text, "payload" text)
        ON CONFLICT ("dedupeKey") DO NOTHING`);
}
