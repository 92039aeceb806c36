import type { Segment } from '../../segments/segment.ts';
import { segmentFiltersSchema } from '../../segments/segmentFilters.ts';
import type { SegmentMembers, SegmentStore } from '../../segments/segmentsPorts.ts';
import { parseStoredJson } from '../../parseStoredJson.ts';
import type { Segment as SegmentRow } from '../generated/sqlite/client.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { segmentWhere } from './segmentWhere.ts';

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

export function createSegmentMembers(db: Database): SegmentMembers {
  return {
    count: async (query) => {
      const groups = await db.prisma.member.groupBy({
        by: ['marketingOptIn'],
        where: segmentWhere(query),
        _count: { _all: true },
      });
      const of = (optedIn: boolean) => groups.find((group) => group.marketingOptIn === optedIn)?._count._all ?? 0;
      return { members: of(true) + of(false), optedIn: of(true) };
    },
    includes: async (query, memberId) =>
      (await db.prisma.member.count({ where: { ...segmentWhere(query), id: memberId } })) === 1,
    sample: async (query, limit) => {
      const rows = await db.prisma.member.findMany({
        where: segmentWhere(query),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: { id: true, name: true, cardNumber: true, tier: true, locale: true, createdAt: true },
      });
      return rows.map(({ createdAt, ...row }) => ({ ...row, joinedAt: createdAt }));
    },
  };
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
