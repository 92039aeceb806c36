import { randomUUID } from 'node:crypto';
import type { DrawContent } from '../../contests/draws/draw.ts';
import type { DrawStore } from '../../contests/draws/drawsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { closeDraw } from './closeDraw.ts';
import { addEntries } from './drawEntries.ts';
import { drawWinnerMembers, publicEntries } from './drawReads.ts';
import { handOverLapsed, lapsingDraws } from './lapseDrawPrizes.ts';
import { readDrawEntries } from './readDrawEntries.ts';
import { toDraw } from './toDraw.ts';

export function createDrawStore(db: Database): DrawStore {
  return {
    create: async (content, seed, commitment, now) =>
      toDraw(
        await db.prisma.draw.create({
          data: { id: randomUUID(), ...columnsOf(content), seed, commitment, createdAt: now },
        }),
      ),
    find: async (id) => {
      const row = await db.prisma.draw.findUnique({ where: { id } });
      return row ? toDraw(row) : null;
    },
    list: async () => (await db.prisma.draw.findMany({ orderBy: { createdAt: 'desc' } })).map(toDraw),
    close: (id, now) => closeDraw(db, id, now),
    entriesOf: (id) => readDrawEntries(db, id),
    // Conditional on `closed`: of two runs at once, the second changes nothing and reads the first's outcome.
    commit: async (id, beacon, outcome, now) =>
      (
        await db.prisma.draw.updateMany({
          where: { id, status: 'closed' },
          data: {
            status: 'drawn',
            beacon,
            entriesDigest: outcome.entriesDigest,
            drawKey: outcome.drawKey,
            winners: JSON.stringify(outcome.winners),
            drawnAt: now,
          },
        })
      ).count === 1,
    winnersOf: (id) => drawWinnerMembers(db, id),
    markAwarded: async (id, now) => {
      await db.prisma.draw.updateMany({ where: { id, status: 'drawn', awardedAt: null }, data: { awardedAt: now } });
    },
    lapsing: (now) => lapsingDraws(db, now),
    handOverLapsed: (id, now, entries, ordered) => handOverLapsed(db, id, now, entries, ordered),
    due: async (now) => {
      const toRun = await db.prisma.draw.findMany({
        where: { status: { in: ['open', 'closed'] }, drawAt: { lte: now }, closesAt: { lte: now }, beaconSource: null },
        select: { id: true },
      });
      const toAward = await db.prisma.draw.findMany({
        where: { status: 'drawn', awardedAt: null },
        select: { id: true },
      });
      return { toRun: toRun.map((row) => row.id), toAward: toAward.map((row) => row.id) };
    },
    publicEntries: (id) => publicEntries(db, id),
    join: (id, memberId, now) =>
      withTransactionRetry(db, async (tx) => {
        const draw = await tx.draw.findUnique({ where: { id } });
        if (!draw || !draw.published || draw.entryKind !== 'optIn') return 'not-found';
        if (draw.opensAt > now || draw.closesAt <= now || draw.status !== 'open') return 'closed';
        const source = `optIn:${memberId}`;
        if (await tx.drawEntry.findUnique({ where: { drawId_source: { drawId: id, source } } })) return 'already';
        return (await addEntries(tx, id, [{ memberId, source }], now)) ? 'joined' : 'closed';
      }),
    openOptIns: async (memberId, now) => {
      const rows = await db.prisma.draw.findMany({
        where: { entryKind: 'optIn', status: 'open', published: true, opensAt: { lte: now }, closesAt: { gt: now } },
        include: { entries: { where: { memberId }, select: { id: true }, take: 1 } },
        orderBy: { closesAt: 'asc' },
      });
      return rows.map((row) => {
        const draw = toDraw(row);
        return {
          id: draw.id,
          title: draw.title,
          drawAt: draw.drawAt,
          commitment: draw.commitment,
          joined: row.entries.length > 0,
        };
      });
    },
  };
}

function columnsOf(content: DrawContent) {
  return {
    title: JSON.stringify(content.title),
    rules: content.rules ? JSON.stringify(content.rules) : null,
    prizes: JSON.stringify(content.prizes),
    entryKind: content.entry.kind,
    entry: JSON.stringify(content.entry),
    opensAt: content.opensAt,
    closesAt: content.closesAt,
    drawAt: content.drawAt,
    beaconSource: content.beaconSource ?? null,
    claimDays: content.claimDays ?? null,
    published: content.published,
  };
}
