import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPointsWorld, recorded, type PointsWorld } from '../points/pointsWorld.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';

const CONCURRENT = 100;

/** How many outcomes of each kind, e.g. `{ recorded: 50, refused: 50 }`. */
function countKinds(outcomes: { kind: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind } of outcomes) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

describeEachProvider('the points engine under concurrent requests', (provider) => {
  let world: PointsWorld;

  beforeEach(async () => {
    world = await createPointsWorld(provider);
  });

  afterEach(async () => {
    await world.db.dispose();
  });

  describe('100 redemptions of 10 points against a balance of 500', () => {
    /** Purchases earn nothing here, so only the 500 points can pay: exactly 50 redemptions fit. */
    async function redeemAtOnce() {
      await world.useRules({ tiers: [{ code: 'member', threshold: 0, earnPercent: 0, discountPercent: 0 }] });
      const member = await world.aMember();
      await world.aLot(member, 500, null);
      // 20 lei: half of it is exactly 10 points.
      const outcomes = await Promise.all(
        Array.from({ length: CONCURRENT }, () => world.buy(member, { amount: 2_000, redeem: 10 })),
      );
      return { member, outcomes };
    }

    it('lets exactly 50 through and refuses the rest for the balance', async () => {
      const { outcomes } = await redeemAtOnce();
      expect(countKinds(outcomes)).toEqual({ recorded: 50, refused: 50 });
    });

    it('leaves the balance at zero, never below', async () => {
      const { member } = await redeemAtOnce();
      expect(await world.balanceOf(member)).toBe(0);
    });

    it('keeps the ledger summing to the balance', async () => {
      const { member } = await redeemAtOnce();
      expect(await world.ledgerSum(member)).toBe(await world.balanceOf(member));
    });

    it('draws exactly the 500 points from the lot', async () => {
      await redeemAtOnce();
      expect((await world.db.prisma.lotDraw.aggregate({ _sum: { points: true } }))._sum.points).toBe(500);
    });
  });

  describe('100 replays of one purchase', () => {
    async function replayAtOnce() {
      const member = await world.aMember();
      const outcomes = await Promise.all(
        Array.from({ length: CONCURRENT }, () => world.buy(member, { amount: 100_000, receiptId: 'R-concurrent' })),
      );
      return { member, outcomes };
    }

    it('records it once and replays it to every other request', async () => {
      const { outcomes } = await replayAtOnce();
      expect(countKinds(outcomes)).toEqual({ recorded: 1, replayed: CONCURRENT - 1 });
    });

    it('answers every request with the same purchase', async () => {
      const { outcomes } = await replayAtOnce();
      const ids = new Set(outcomes.map((outcome) => ('purchase' in outcome ? outcome.purchase.id : outcome.kind)));
      expect(ids.size).toBe(1);
    });

    it('keeps one purchase row and one earn entry', async () => {
      const { member } = await replayAtOnce();
      const earns = await world.db.prisma.ledgerEntry.count({ where: { memberId: member.id, kind: 'purchase' } });
      expect([await world.db.prisma.purchase.count(), earns, await world.balanceOf(member)]).toEqual([1, 1, 30]);
    });

    it('writes one purchase confirmation to the member', async () => {
      const { member } = await replayAtOnce();
      expect((await world.outboxKeys(member)).filter((key) => key.startsWith('purchase:')).length).toBe(1);
    });
  });

  it('lets a one-time code pay for one of two purchases entered at once', async () => {
    const member = await world.aMember();
    const { code } = await world.service.issueCode(member.id);
    const outcomes = await Promise.all([
      world.buy(member, { amount: 10_000, code }),
      world.buy(member, { amount: 10_000, code }),
    ]);
    expect(countKinds(outcomes)).toEqual({ recorded: 1, 'code-expired': 1 });
  });

  it('refunds a purchase once when two refunds arrive at once', async () => {
    const member = await world.aMember();
    await world.aLot(member, 100, null);
    const purchase = recorded(await world.buy(member, { amount: 100_000, redeem: 100 }));
    const outcomes = await Promise.all([world.service.refund(purchase.id), world.service.refund(purchase.id)]);
    expect([countKinds(outcomes), await world.balanceOf(member), await world.ledgerSum(member)]).toEqual([
      { refunded: 1, 'already-refunded': 1 },
      100,
      100,
    ]);
  });
});
