import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/openDatabase.ts';

export interface NewEntry {
  memberId: string;
  source: string;
  purchaseId?: string;
}

/**
 * Adds entries to a draw only while it is open: the count moves first, by a
 * conditional update that takes the draw's row lock, so a close that comes
 * meanwhile waits for this transaction (PostgreSQL) or for its turn
 * (SQLite) and freezes a list that includes them, or finds them refused.
 */
export async function addEntries(tx: Tx, drawId: string, entries: NewEntry[], at: Date): Promise<boolean> {
  if (entries.length === 0) return true;
  const moved = await tx.draw.updateMany({
    where: { id: drawId, status: 'open' },
    data: { entryCount: { increment: entries.length } },
  });
  if (moved.count === 0) return false;
  await tx.drawEntry.createMany({
    data: entries.map((entry) => ({ id: randomUUID(), drawId, createdAt: at, ...entry })),
  });
  return true;
}

/** Withdraws a refunded purchase's entries from every draw still open, the same way. */
export async function withdrawPurchaseEntries(tx: Tx, purchaseId: string, at: Date): Promise<void> {
  const held = await tx.drawEntry.groupBy({
    by: ['drawId'],
    where: { purchaseId, withdrawnAt: null },
    _count: { _all: true },
  });
  for (const draw of held) {
    const moved = await tx.draw.updateMany({
      where: { id: draw.drawId, status: 'open' },
      data: { entryCount: { decrement: draw._count._all } },
    });
    if (moved.count === 0) continue;
    await tx.drawEntry.updateMany({
      where: { drawId: draw.drawId, purchaseId, withdrawnAt: null },
      data: { withdrawnAt: at },
    });
  }
}
