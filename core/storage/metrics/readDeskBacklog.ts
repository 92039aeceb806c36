import type { Database } from '../db/openDatabase.ts';

/** The staff desk's unresolved tickets, for the metrics scrape. */
export interface DeskBacklog {
  /** Unresolved tickets by status: `open` (nobody took it yet) and `taken`. */
  byStatus: { status: string; count: number }[];
  /** Seconds the longest-waiting unresolved ticket has waited for its first answer; 0 when none waits. */
  oldestUnansweredSeconds: number;
}

/** Two small queries on the tickets' status index: what is open, and who has waited longest for a first answer. */
export async function readDeskBacklog(db: Database, now: Date): Promise<DeskBacklog> {
  const unresolved = { status: { not: 'resolved' } };
  const [byStatus, oldest] = await Promise.all([
    db.prisma.ticket.groupBy({ by: ['status'], where: unresolved, _count: { _all: true } }),
    db.prisma.ticket.aggregate({ where: { ...unresolved, firstResponseAt: null }, _min: { openedAt: true } }),
  ]);
  const openedAt = oldest._min.openedAt;
  return {
    byStatus: byStatus.map((row) => ({ status: row.status, count: row._count._all })),
    oldestUnansweredSeconds: openedAt ? Math.max(0, (now.getTime() - openedAt.getTime()) / 1000) : 0,
  };
}
