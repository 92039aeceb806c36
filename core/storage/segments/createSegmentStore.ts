import type { Segment } from '../../segments/segment.ts';
import { segmentFiltersSchema } from '../../segments/segmentFilters.ts';
import type { SegmentMembers, SegmentStore } from '../../segments/segmentsPorts.ts';
import type { SegmentQuery } from '../../segments/segmentQuery.ts';
import { parseStoredJson } from '../../parseStoredJson.ts';
import { Prisma, type Segment as SegmentRow } from '../generated/sqlite/client.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { segmentCondition } from './segmentCondition.ts';

export function createSegmentStore(db: Database): SegmentStore {
  const segments = db.prisma.segment;
  return {
    create: async ({ name, filters }, now) => {
      try {
        const row = await segments.create({
          data: { id: crypto.randomUUID(), name, filters: JSON.stringify(filters), createdAt: now, updatedAt: now },
        });
        return toSegment(row);
      } catch (error) {
        if (isUniqueViolation(error)) return 'name-taken';
        throw error;
      }
    },
    list: async () => (await segments.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map(toSegment),
    find: async (id) => {
      const row = await segments.findUnique({ where: { id } });
      return row ? toSegment(row) : null;
    },
    update: async (id, { name, filters }, now) => {
      try {
        const done = await segments.updateMany({
          where: { id },
          data: { name, filters: JSON.stringify(filters), updatedAt: now },
        });
        if (done.count === 0) return 'not-found';
        return toSegment(await segments.findUniqueOrThrow({ where: { id } }));
      } catch (error) {
        if (isUniqueViolation(error)) return 'name-taken';
        throw error;
      }
    },
    remove: async (id) => (await segments.deleteMany({ where: { id } })).count === 1,
  };
}

/** How many of the newest members a sample looks at before it reads them all. */
const NEWEST_WINDOW = 2000;

export function createSegmentMembers(db: Database): SegmentMembers {
  const { prisma, provider } = db;
  return {
    count: async (query) => {
      const [row] = await prisma.$queryRaw<{ members: number | bigint; optedIn: number | bigint | null }[]>`
        SELECT COUNT(*) AS "members", SUM(CASE WHEN m."marketingOptIn" THEN 1 ELSE 0 END) AS "optedIn"
        FROM "Member" m WHERE ${segmentCondition(query, provider)}`;
      return { members: Number(row?.members ?? 0), optedIn: Number(row?.optedIn ?? 0) };
    },
    includes: async (query, memberId) => {
      const rows = await prisma.$queryRaw<unknown[]>`
        SELECT 1 AS "hit" FROM "Member" m WHERE m."id" = ${memberId} AND ${segmentCondition(query, provider)}`;
      return rows.length === 1;
    },
    sample: async (query, limit) => {
      const newest = await sampleOf(db, query, limit, true);
      const rows = newest.length === limit ? newest : await sampleOf(db, query, limit, false);
      return rows.map(({ createdAt, ...row }) => ({ ...row, joinedAt: new Date(createdAt) }));
    },
  };
}

interface SampleRow {
  id: string;
  name: string;
  cardNumber: string;
  tier: string | null;
  locale: string;
  createdAt: Date | string | number;
}

/**
 * The newest `limit` matching members, looked for among the newest
 * `NEWEST_WINDOW` members first (`newestFirst`) or among all. Walking the
 * newest members in order and stopping at the tenth match is quick when many
 * match, and reads every member (each by its index entry, then its row) when
 * few do; sorting all the matches costs one pass whatever they are. Ten
 * matches among the newest 2,000 are the newest ten of all; fewer mean the
 * pass over everyone is needed, sorted rather than walked (SQLite's `+` keeps
 * it off the index).
 */
function sampleOf(db: Database, query: SegmentQuery, limit: number, newestFirst: boolean): Promise<SampleRow[]> {
  const from = newestFirst
    ? Prisma.sql`(SELECT * FROM "Member" ORDER BY "createdAt" DESC, "id" DESC LIMIT ${NEWEST_WINDOW}) m`
    : Prisma.sql`"Member" m`;
  const sorted = db.provider === 'sqlite' && !newestFirst ? Prisma.raw('+') : Prisma.empty;
  return db.prisma.$queryRaw<SampleRow[]>`
    SELECT m."id", m."name", m."cardNumber", m."tier", m."locale", m."createdAt" FROM ${from}
    WHERE ${segmentCondition(query, db.provider)}
    ORDER BY ${sorted}m."createdAt" DESC, ${sorted}m."id" DESC LIMIT ${limit}`;
}

/**
 * Stored filters this version cannot read would, if dropped, widen the
 * segment to every member; a campaign must fail loudly instead.
 */
function toSegment(row: SegmentRow): Segment {
  const filters = parseStoredJson(segmentFiltersSchema, row.filters);
  if (!filters) throw new Error(`Segment ${row.id} has filters this version cannot read; fix or recreate it.`);
  return { id: row.id, name: row.name, filters, createdAt: row.createdAt, updatedAt: row.updatedAt };
}
