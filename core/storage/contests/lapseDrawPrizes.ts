import type { DrawLapse } from '../../contests/draws/draw.ts';
import { nextEligible, type DrawEntryRef } from '../../contests/draws/drawWinners.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { toDraw } from './toDraw.ts';

const DAY_MS = 86_400_000;

/** Drawn draws with a claim period that hold a prize code unredeemed past it. */
export async function lapsingDraws(db: Database, now: Date): Promise<string[]> {
  const draws = await db.prisma.draw.findMany({
    where: { status: 'drawn', claimDays: { not: null } },
    select: { id: true, claimDays: true },
  });
  const due: string[] = [];
  for (const draw of draws) {
    const overdue = await db.prisma.prizeAward.count({
      where: {
        sourceKind: 'draw',
        sourceId: draw.id,
        code: { not: null },
        redeemedAt: null,
        voidedAt: null,
        awardedAt: { lte: new Date(now.getTime() - draw.claimDays! * DAY_MS) },
      },
    });
    if (overdue > 0) due.push(draw.id);
  }
  return due;
}

/**
 * One transaction: each overdue code is voided by a conditional update (a
 * till redeeming it at the same moment, or another instance voiding it, makes
 * it change nothing here), and only the codes this call voided are handed
 * over. The draw's row is then updated first and read after, so a second
 * instance handing over another code of the same draw waits for this one and
 * sees its replacements (PostgreSQL), or runs after it (SQLite).
 */
export function handOverLapsed(
  db: Database,
  drawId: string,
  now: Date,
  entries: readonly DrawEntryRef[],
  ordered: Iterable<DrawEntryRef>,
): Promise<number> {
  return withTransactionRetry(db, async (tx) => {
    const before = await tx.draw.findUnique({ where: { id: drawId }, select: { claimDays: true, status: true } });
    if (!before || before.status !== 'drawn' || before.claimDays === null) return 0;
    const voided = await voidOverdue(tx, drawId, new Date(now.getTime() - before.claimDays * DAY_MS), now);
    if (voided.length === 0) return 0;
    await tx.draw.updateMany({ where: { id: drawId }, data: { awardedAt: null } });
    const draw = toDraw((await tx.draw.findUnique({ where: { id: drawId } }))!);
    const memberOf = new Map(entries.map((entry) => [entry.id, entry.memberId]));
    const won = new Set<string>();
    for (const winner of draw.winners ?? []) won.add(memberOf.get(winner.entryId)!);
    for (const lapse of draw.lapsed) if (lapse.replacedBy) won.add(memberOf.get(lapse.replacedBy)!);
    const lapsed: DrawLapse[] = [...draw.lapsed];
    for (const award of voided) {
      const next = nextEligible(ordered, won);
      if (next) won.add(next.memberId);
      const entryId = award.winId.slice(`draw:${drawId}:`.length);
      lapsed.push({ entryId, prize: award.prize, lapsedAt: now, replacedBy: next?.id ?? null });
    }
    await tx.draw.update({ where: { id: drawId }, data: { lapsed: JSON.stringify(lapsed) } });
    return voided.length;
  });
}

/** The draw's codes unredeemed since `cutoff` that this transaction voided (another may have voided or redeemed one first). */
async function voidOverdue(
  tx: Tx,
  drawId: string,
  cutoff: Date,
  now: Date,
): Promise<{ winId: string; prize: number }[]> {
  const overdue = await tx.prizeAward.findMany({
    where: {
      sourceKind: 'draw',
      sourceId: drawId,
      code: { not: null },
      redeemedAt: null,
      voidedAt: null,
      awardedAt: { lte: cutoff },
    },
    orderBy: [{ awardedAt: 'asc' }, { winId: 'asc' }],
    select: { winId: true, prize: true },
  });
  const voided: { winId: string; prize: number }[] = [];
  for (const award of overdue) {
    const done = await tx.prizeAward.updateMany({
      where: { winId: award.winId, redeemedAt: null, voidedAt: null },
      data: { voidedAt: now },
    });
    if (done.count === 1) voided.push(award);
  }
  return voided;
}
