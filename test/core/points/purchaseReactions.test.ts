// A capability reacts to purchases by registering a reaction: it writes in
// the purchase's transaction, its effect is in the purchase's answer, and a
// refund runs its undo.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { toMemberRecord } from '../../../core/storage/members/records.ts';
import { creditInTransaction } from '../../../core/storage/points/creditInTransaction.ts';
import { debitInTransaction } from '../../../core/storage/points/lots.ts';
import type { PurchaseReaction } from '../../../core/storage/points/purchaseReactions.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createPointsWorld, recorded, refunded, type PointsWorld } from './pointsWorld.ts';

const seen: string[] = [];

/** A stand-in for the next wave's draw entries: 7 bonus points per purchase, taken back on refund. */
const luckyBonus: PurchaseReaction = {
  name: 'lucky-bonus',
  onPurchase: async (tx, { purchase, member, at }) => {
    seen.push(`purchase:${purchase.amount}:${member.purchaseCount}`);
    const row = await creditInTransaction(tx, {
      memberId: member.id,
      kind: 'bonus',
      points: 7,
      idempotencyKey: `lucky:${purchase.id}`,
      expiresAt: null,
      at,
    });
    return toMemberRecord(row);
  },
  onRefund: async (tx, { purchase, member, at }) => {
    seen.push(`refund:${purchase.amount}`);
    await debitInTransaction(tx, {
      memberId: member.id,
      kind: 'bonus',
      points: 7,
      idempotencyKey: `lucky:${purchase.id}:undo`,
      at,
    });
    return toMemberRecord(await tx.member.findUniqueOrThrow({ where: { id: member.id } }));
  },
};

/** A reaction that fails: the purchase must not happen without it. */
const broken: PurchaseReaction = {
  name: 'broken',
  onPurchase: async () => {
    throw new Error('the reaction failed');
  },
};

describeEachProvider('reactions to purchases', (provider) => {
  let world: PointsWorld;

  beforeEach(() => {
    seen.length = 0;
  });

  afterEach(async () => {
    await world.db.dispose();
  });

  it('runs a registered reaction in the purchase, whose answer shows its effect', async () => {
    world = await createPointsWorld(provider, { reactions: [luckyBonus] });
    const anna = await world.aMember();
    const outcome = await world.buy(anna, { amount: 10_000 });
    recorded(outcome);
    expect(seen).toEqual(['purchase:10000:1']);
    const balance = await world.balanceOf(anna);
    expect(outcome.kind === 'recorded' && outcome.member.balance).toBe(balance);
    expect(balance).toBe(await world.ledgerSum(anna));
    expect(await world.db.prisma.ledgerEntry.count({ where: { memberId: anna.id, kind: 'bonus' } })).toBe(1);
  });

  it('runs the undo when the purchase is refunded, and the ledger still sums to the balance', async () => {
    world = await createPointsWorld(provider, { reactions: [luckyBonus] });
    const anna = await world.aMember();
    const purchase = recorded(await world.buy(anna, { amount: 10_000 }));
    expect(await world.db.prisma.ledgerEntry.count({ where: { memberId: anna.id, kind: 'bonus', delta: 7 } })).toBe(1);
    refunded(await world.service.refund(purchase.id));
    expect(seen).toEqual(['purchase:10000:1', 'refund:10000']);
    expect(await world.balanceOf(anna)).toBe(0);
    expect(await world.balanceOf(anna)).toBe(await world.ledgerSum(anna));
  });

  it('records nothing of a purchase whose reaction fails', async () => {
    world = await createPointsWorld(provider, { reactions: [luckyBonus, broken] });
    const anna = await world.aMember();
    await expect(world.buy(anna, { amount: 10_000 })).rejects.toThrow('the reaction failed');
    expect(await world.db.prisma.purchase.count()).toBe(0);
    expect(await world.balanceOf(anna)).toBe(0);
    expect(await world.db.prisma.outboxMessage.count()).toBe(0);
  });
});
