import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PurchasePolicy } from '../../../core/points/pointsPorts.ts';
import { quotePurchase } from '../../../core/points/quotePurchase.ts';
import { tierFor } from '../../../core/points/tierFor.ts';
import { defaultProgramRules } from '../../../core/program/programRules.ts';
import {
  createPointsWorld,
  DAY_MS,
  recorded,
  refunded,
  translator,
  type PointsWorld,
  type TestMember,
} from '../points/pointsWorld.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { IN_PROGRESS } from '../../../core/api/apiPorts.ts';
import { claimIdempotencyKey, findIdempotentRequest } from '../../../core/storage/api/idempotency.ts';

const t = translator.forLocale('en');
const MINUTE_MS = 60_000;

describeEachProvider('the points engine', (provider) => {
  let world: PointsWorld;

  beforeEach(async () => {
    world = await createPointsWorld(provider);
  });

  afterEach(async () => {
    await world.db.dispose();
  });

  describe('earning', () => {
    it('earns 3 % of a purchase into a lot that expires after a year', async () => {
      const member = await world.aMember();
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      const lot = await world.earnedLotOf(purchase);
      expect([lot.kind, lot.delta, lot.remaining, lot.expiresAt]).toEqual([
        'purchase',
        30,
        30,
        new Date(world.now().getTime() + 365 * DAY_MS),
      ]);
    });

    it('earns points that never expire when the programme’s lifetime is 0', async () => {
      await world.useRules({ pointsLifetimeDays: 0 });
      const member = await world.aMember();
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      expect((await world.earnedLotOf(purchase)).expiresAt).toBeNull();
    });

    it('adds the earned points to the balance', async () => {
      const member = await world.aMember();
      await world.buy(member, { amount: 100_000 });
      expect(await world.balanceOf(member)).toBe(30);
    });
  });

  describe('redemption', () => {
    it('draws the points from the soonest-expiring lots first, whatever order they were credited in', async () => {
      const member = await world.aMember();
      const late = await world.aLot(member, 100, 200);
      const never = await world.aLot(member, 100, null);
      const soon = await world.aLot(member, 100, 10);
      const middle = await world.aLot(member, 100, 50);
      const purchase = recorded(await world.buy(member, { amount: 100_000, redeem: 150 }));
      expect(await world.drawsOfRedemption(purchase)).toEqual({ [soon]: 100, [middle]: 50 });
      expect(await Promise.all([soon, middle, late, never].map(world.remainingOf))).toEqual([0, 50, 100, 100]);
    });

    it('draws points that never expire last', async () => {
      const member = await world.aMember();
      const never = await world.aLot(member, 100, null);
      const late = await world.aLot(member, 100, 300);
      const purchase = recorded(await world.buy(member, { amount: 100_000, redeem: 150 }));
      expect(await world.drawsOfRedemption(purchase)).toEqual({ [late]: 100, [never]: 50 });
    });

    it('refuses more points than the balance and changes nothing', async () => {
      const member = await world.aMember();
      await world.aLot(member, 50, null);
      const outcome = await world.buy(member, { amount: 100_000, redeem: 60 });
      expect(outcome).toEqual({ kind: 'refused', reason: 'over-balance', maxRedeemable: 50 });
      expect([await world.balanceOf(member), await world.db.prisma.purchase.count()]).toEqual([50, 0]);
    });

    it('refuses points for more than half of the receipt', async () => {
      const member = await world.aMember();
      await world.aLot(member, 1000, null);
      expect(await world.buy(member, { amount: 10_000, redeem: 51 })).toEqual({
        kind: 'refused',
        reason: 'over-share',
        maxRedeemable: 50,
      });
    });

    it('never demotes a member who spends their points', async () => {
      const member = await world.aMember({ lifetimeSpend: 600_000, tier: 'silver' });
      await world.aLot(member, 1000, null);
      const outcome = await world.buy(member, { amount: 100_000, redeem: 485 });
      expect(outcome.kind === 'recorded' && outcome.member.tier).toBe('silver');
    });
  });

  describe('expiry', () => {
    it('retires expired lots before a purchase, taking their points off the balance', async () => {
      const member = await world.aMember();
      await world.aLot(member, 100, -1);
      await world.aLot(member, 50, null);
      await world.buy(member, { amount: 10_000 });
      expect(await world.balanceOf(member)).toBe(50 + 3);
    });

    it('writes the expiry into the ledger, so the ledger still sums to the balance', async () => {
      const member = await world.aMember();
      await world.aLot(member, 100, -1);
      await world.aLot(member, 50, null);
      await world.buy(member, { amount: 10_000 });
      const expiries = await world.db.prisma.ledgerEntry.findMany({ where: { memberId: member.id, kind: 'expire' } });
      expect([expiries.map((entry) => entry.delta), await world.ledgerSum(member)]).toEqual([
        [-100],
        await world.balanceOf(member),
      ]);
    });

    it('refuses to pay with points that have expired', async () => {
      const member = await world.aMember();
      await world.aLot(member, 100, -1);
      await world.aLot(member, 50, null);
      expect(await world.buy(member, { amount: 100_000, redeem: 100 })).toEqual({
        kind: 'refused',
        reason: 'over-balance',
        maxRedeemable: 50,
      });
    });

    it('expires only what is left of a partly spent lot', async () => {
      const member = await world.aMember();
      await world.aLot(member, 100, 10);
      await world.buy(member, { amount: 100_000, redeem: 40 });
      world.advance(11 * DAY_MS);
      await world.buy(member, { amount: 10_000 });
      const expiries = await world.db.prisma.ledgerEntry.findMany({ where: { memberId: member.id, kind: 'expire' } });
      expect(expiries.map((entry) => entry.delta)).toEqual([-60]);
    });
  });

  describe('refunds', () => {
    /** Lots A (100, 30 days) and B (100, 60 days); 150 points pay for part of 1000 lei, 25 are earned on the 850 paid. */
    async function partlyRedeemedPurchase() {
      const member = await world.aMember();
      const soon = await world.aLot(member, 100, 30);
      const later = await world.aLot(member, 100, 60);
      const purchase = recorded(await world.buy(member, { amount: 100_000, redeem: 150 }));
      return { member, soon, later, purchase };
    }

    it('gives back exactly the redeemed points and takes back exactly the earned ones', async () => {
      const { member, purchase } = await partlyRedeemedPurchase();
      await world.service.refund(purchase.id);
      const entries = await world.db.prisma.ledgerEntry.findMany({
        where: { memberId: member.id, kind: 'refund' },
        orderBy: { seq: 'asc' },
      });
      expect([purchase.earnedPoints, entries.map((entry) => entry.delta)]).toEqual([25, [150, -25]]);
    });

    it('restores the balance the member had before the purchase', async () => {
      const { member, purchase } = await partlyRedeemedPurchase();
      await world.service.refund(purchase.id);
      expect(await world.balanceOf(member)).toBe(200);
    });

    it('leaves every lot as it was before the purchase: redeemed points back where they were drawn from, the earned lot emptied', async () => {
      const { soon, later, purchase } = await partlyRedeemedPurchase();
      const earned = (await world.earnedLotOf(purchase)).id;
      await world.service.refund(purchase.id);
      expect({
        soon: await world.remainingOf(soon),
        later: await world.remainingOf(later),
        earned: await world.remainingOf(earned),
      }).toEqual({ soon: 100, later: 100, earned: 0 });
    });

    it('records the earned points already spent as a shortfall and never takes the balance below zero', async () => {
      const member = await world.aMember();
      const first = recorded(await world.buy(member, { amount: 100_000 }));
      // 20 of the 30 earned points pay for half of 40 lei, which earns nothing (3 % of 20 lei is 0.6 points).
      recorded(await world.buy(member, { amount: 4_000, redeem: 20 }));
      const refund = refunded(await world.service.refund(first.id));
      expect([refund.refundShortfall, await world.balanceOf(member), await world.ledgerSum(member)]).toEqual([
        20, 0, 0,
      ]);
    });

    it('changes nothing when the same purchase is refunded a second time', async () => {
      const { member, purchase } = await partlyRedeemedPurchase();
      await world.service.refund(purchase.id);
      const before = {
        balance: await world.balanceOf(member),
        ledger: await world.db.prisma.ledgerEntry.count(),
        outbox: await world.db.prisma.outboxMessage.count(),
      };
      const second = await world.service.refund(purchase.id);
      const after = {
        balance: await world.balanceOf(member),
        ledger: await world.db.prisma.ledgerEntry.count(),
        outbox: await world.db.prisma.outboxMessage.count(),
      };
      expect([second.kind, after]).toEqual(['already-refunded', before]);
    });

    it('answers not-found for a purchase that does not exist', async () => {
      expect(await world.service.refund('no-such-purchase')).toEqual({ kind: 'not-found' });
    });

    it('refunds a purchase paid from a lot that has expired since, expiring the points given back to it', async () => {
      const member = await world.aMember();
      await world.aLot(member, 100, 10);
      const purchase = recorded(await world.buy(member, { amount: 100_000, redeem: 40 }));
      world.advance(20 * DAY_MS);
      const outcome = await world.service.refund(purchase.id);
      expect([outcome.kind, await world.balanceOf(member), await world.ledgerSum(member)]).toEqual(['refunded', 0, 0]);
    });

    it('takes nothing back for earned points that have expired since, as they already left the balance', async () => {
      await world.useRules({ pointsLifetimeDays: 30 });
      const member = await world.aMember();
      await world.aLot(member, 100, null);
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      world.advance(31 * DAY_MS);
      await world.service.refund(purchase.id);
      expect(await world.balanceOf(member)).toBe(100);
    });

    it('takes a stamp back only for a purchase that earned one', async () => {
      await world.useRules({ stampCard: { enabled: true, every: 6, minAmount: 5_000 } });
      const member = await world.aMember();
      await world.buy(member, { amount: 10_000 });
      const small = recorded(await world.buy(member, { amount: 1_000 }));
      const outcome = await world.service.refund(small.id);
      expect(outcome.kind === 'refunded' && outcome.member.stamps).toBe(1);
    });

    it('returns the member to the lower tier when a refund takes lifetime spend back under the threshold', async () => {
      const member = await world.aMember({ lifetimeSpend: 450_000, tier: 'bronze' });
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      const outcome = await world.service.refund(purchase.id);
      expect(outcome.kind === 'refunded' && outcome.member.tier).toBe('bronze');
    });
  });

  describe('one-time codes', () => {
    it('records a purchase for the member whose code the till entered', async () => {
      const member = await world.aMember();
      const { code } = await world.service.issueCode(member.id);
      expect(recorded(await world.buy(member, { amount: 10_000, code })).memberId).toBe(member.id);
    });

    it('refuses a code used a second time as expired (used up)', async () => {
      const member = await world.aMember();
      const { code } = await world.service.issueCode(member.id);
      await world.buy(member, { amount: 10_000, code });
      expect(await world.buy(member, { amount: 10_000, code })).toEqual({ kind: 'code-expired' });
    });

    it('refuses a code after its five minutes', async () => {
      const member = await world.aMember();
      const { code } = await world.service.issueCode(member.id);
      world.advance(5 * MINUTE_MS);
      expect(await world.buy(member, { amount: 10_000, code })).toEqual({ kind: 'code-expired' });
    });

    it('accepts a code just before it expires', async () => {
      const member = await world.aMember();
      const { code } = await world.service.issueCode(member.id);
      world.advance(5 * MINUTE_MS - 1000);
      expect((await world.buy(member, { amount: 10_000, code })).kind).toBe('recorded');
    });

    it('keeps a code usable when the purchase it named was refused', async () => {
      const member = await world.aMember();
      const { code } = await world.service.issueCode(member.id);
      await world.buy(member, { amount: 10_000, code, redeem: 10 });
      expect((await world.buy(member, { amount: 10_000, code })).kind).toBe('recorded');
    });

    it('replays a purchase named by a code that the first request used up', async () => {
      const member = await world.aMember();
      const { code } = await world.service.issueCode(member.id);
      const first = recorded(await world.buy(member, { amount: 10_000, code, receiptId: 'R-1' }));
      const again = await world.buy(member, { amount: 10_000, code, receiptId: 'R-1' });
      expect([again.kind, again.kind === 'replayed' && again.purchase.id]).toEqual(['replayed', first.id]);
    });
  });

  describe('receipts', () => {
    it('answers a repeated request for a receipt with the first purchase', async () => {
      const member = await world.aMember();
      const first = recorded(await world.buy(member, { amount: 100_000, receiptId: 'R-1' }));
      const again = await world.buy(member, { amount: 100_000, receiptId: 'R-1' });
      expect([again.kind, again.kind === 'replayed' && again.purchase.id]).toEqual(['replayed', first.id]);
    });

    it('awards the points of a repeated request once', async () => {
      const member = await world.aMember();
      await world.buy(member, { amount: 100_000, receiptId: 'R-1' });
      await world.buy(member, { amount: 100_000, receiptId: 'R-1' });
      expect([await world.balanceOf(member), await world.db.prisma.purchase.count()]).toEqual([30, 1]);
    });

    it('replays a receipt retried with the member named by phone instead of card', async () => {
      const member = await world.aMember();
      const first = recorded(await world.buy(member, { amount: 100_000, receiptId: 'R-1' }));
      const again = await world.buy(member, { amount: 100_000, receiptId: 'R-1', byPhone: true });
      expect([again.kind, again.kind === 'replayed' && again.purchase.id, await world.balanceOf(member)]).toEqual([
        'replayed',
        first.id,
        30,
      ]);
    });

    it('replays a receipt whose redemption the balance could no longer pay', async () => {
      const member = await world.aMember();
      await world.aLot(member, 100, null);
      const first = recorded(await world.buy(member, { amount: 100_000, redeem: 100, receiptId: 'R-1' }));
      await world.buy(member, { amount: 100_000, redeem: 30 });
      const again = await world.buy(member, { amount: 100_000, redeem: 100, receiptId: 'R-1' });
      expect([again.kind, again.kind === 'replayed' && again.purchase.id]).toEqual(['replayed', first.id]);
    });

    it('refuses the same receipt for another member as a conflict', async () => {
      const member = await world.aMember();
      const other = await world.aMember();
      const first = recorded(await world.buy(member, { amount: 100_000, receiptId: 'R-1' }));
      const again = await world.buy(other, { amount: 100_000, receiptId: 'R-1' });
      expect([
        again.kind,
        again.kind === 'receipt-conflict' && again.purchase.id,
        await world.balanceOf(other),
      ]).toEqual(['receipt-conflict', first.id, 0]);
    });

    it('refuses the same receipt as a conflict when it names a member who does not exist', async () => {
      const member = await world.aMember();
      recorded(await world.buy(member, { amount: 100_000, receiptId: 'R-1' }));
      const again = await world.service.recordPurchase({
        member: { cardNumber: '999999999999' },
        receiptId: 'R-1',
        amount: 100_000,
        redeemPoints: 0,
        source: 'api',
        recordedBy: 'admin',
      });
      expect(again.kind).toBe('receipt-conflict');
    });

    it('refuses the same receipt with another amount as a conflict and changes nothing', async () => {
      const member = await world.aMember();
      const first = recorded(await world.buy(member, { amount: 100_000, receiptId: 'R-1' }));
      const other = await world.buy(member, { amount: 90_000, receiptId: 'R-1' });
      expect([
        other.kind,
        other.kind === 'receipt-conflict' && other.purchase.id,
        await world.balanceOf(member),
      ]).toEqual(['receipt-conflict', first.id, 30]);
    });
  });

  describe('a reply kept with the purchase', () => {
    const claim = { client: 'till-1', key: 'key-1', requestHash: 'h' };
    const reply = {
      client: 'till-1',
      key: 'key-1',
      render: ({ purchase }: { purchase: { id: string } }) => ({ status: 201, body: purchase.id }),
    };
    const storedReply = () => findIdempotentRequest(world.db, 'till-1', 'key-1');

    it('completes the claimed key in the purchase’s own transaction', async () => {
      const member = await world.aMember();
      await claimIdempotencyKey(world.db, { ...claim, at: world.now() });
      const outcome = await world.service.recordPurchase({
        member: { memberId: member.id },
        receiptId: 'R-1',
        amount: 10_000,
        redeemPoints: 0,
        source: 'api',
        recordedBy: 'admin',
        reply,
      });
      expect(outcome.kind === 'recorded' && outcome.replyKept).toBe(true);
      expect(await storedReply()).toMatchObject({ status: 201, body: recorded(outcome).id });
    });

    it('leaves the key in progress when the purchase is refused, for the caller to answer', async () => {
      const member = await world.aMember();
      await claimIdempotencyKey(world.db, { ...claim, at: world.now() });
      await world.service.recordPurchase({
        member: { memberId: member.id },
        receiptId: 'R-1',
        amount: 10_000,
        redeemPoints: 10,
        source: 'api',
        recordedBy: 'admin',
        reply,
      });
      expect(await storedReply()).toMatchObject({ status: IN_PROGRESS });
    });

    it('says so when the claim is no longer there to complete', async () => {
      const member = await world.aMember();
      const outcome = await world.service.recordPurchase({
        member: { memberId: member.id },
        receiptId: 'R-1',
        amount: 10_000,
        redeemPoints: 0,
        source: 'api',
        recordedBy: 'admin',
        reply,
      });
      expect([outcome.kind, outcome.kind === 'recorded' && outcome.replyKept, await storedReply()]).toEqual([
        'recorded',
        false,
        null,
      ]);
    });
  });

  describe('tiers', () => {
    it('moves a member up when a purchase takes lifetime spend over the threshold', async () => {
      const member = await world.aMember({ lifetimeSpend: 450_000, tier: 'bronze' });
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      expect([purchase.tierBefore, purchase.tierAfter]).toEqual(['bronze', 'silver']);
    });

    it('announces the new tier to the member', async () => {
      const member = await world.aMember({ lifetimeSpend: 450_000, tier: 'bronze' });
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      expect(await world.outboxText(`tier:${purchase.id}`)).toBe(t('tier.up', { tier: t('tier.silver') }));
    });

    it('announces no tier change when a new member’s first purchase only confirms the first tier', async () => {
      const member = await world.aMember();
      const purchase = recorded(await world.buy(member, { amount: 10_000 }));
      expect(await world.outboxKeys(member)).toEqual([`purchase:${purchase.id}`]);
    });
  });

  describe('notifications', () => {
    it('tells the member what they earned and their new balance', async () => {
      const member = await world.aMember();
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      const text = await world.outboxText(`purchase:${purchase.id}`);
      expect(text).toContain(t('purchase.earned', { points: t('points', { count: 30 }) }));
      expect(text).toContain(t('purchase.balance', { points: t('points', { count: 30 }) }));
    });

    it('shows the stamp card at 4 of 6 after the fourth purchase', async () => {
      const member = await world.aMember();
      let last = recorded(await world.buy(member, { amount: 10_000 }));
      for (let n = 2; n <= 4; n++) last = recorded(await world.buy(member, { amount: 10_000 }));
      expect(await world.outboxText(`purchase:${last.id}`)).toContain(t('purchase.stamps', { count: 4, every: 6 }));
    });

    it('addresses the message to the member’s chat', async () => {
      const member = await world.aMember();
      const purchase = recorded(await world.buy(member, { amount: 10_000 }));
      const chat = await world.db.prisma.chat.findFirstOrThrow({ where: { memberId: member.id } });
      const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({
        where: { dedupeKey: `purchase:${purchase.id}` },
      });
      expect([row.channel, row.address, row.status]).toEqual([chat.channel, chat.address, 'pending']);
    });

    it('tells the member about a refund', async () => {
      const member = await world.aMember();
      const purchase = recorded(await world.buy(member, { amount: 100_000 }));
      await world.service.refund(purchase.id);
      expect(await world.outboxText(`refund:${purchase.id}`)).toContain(
        t('refund.takenBack', { points: t('points', { count: 30 }) }),
      );
    });

    it('writes no message for a refused purchase', async () => {
      const member = await world.aMember();
      await world.buy(member, { amount: 10_000, redeem: 10 });
      expect(await world.outboxKeys(member)).toEqual([]);
    });

    it('rolls the messages back with the purchase when the transaction fails after writing them', async () => {
      const member = await world.aMember();
      await expect(
        world.store.recordPurchase(requestFor(member, world.now()), policyWithUnwritableSecondMessage()),
      ).rejects.toThrow(/BigInt/);
      const counts = [
        await world.db.prisma.outboxMessage.count(),
        await world.db.prisma.purchase.count(),
        await world.db.prisma.ledgerEntry.count(),
      ];
      expect(counts).toEqual([0, 0, 0]);
    });
  });

  it('keeps the ledger summing to the balance through purchases, redemptions, expiry and refunds', async () => {
    const member = await world.aMember();
    await world.aLot(member, 100, 5);
    await world.aLot(member, 200, null);
    const first = recorded(await world.buy(member, { amount: 100_000, redeem: 120 }));
    world.advance(6 * DAY_MS);
    await world.buy(member, { amount: 50_000, redeem: 50 });
    await world.service.refund(first.id);
    const last = await world.db.prisma.ledgerEntry.findFirstOrThrow({
      where: { memberId: member.id },
      orderBy: { seq: 'desc' },
    });
    const balance = await world.balanceOf(member);
    expect([await world.ledgerSum(member), last.balanceAfter]).toEqual([balance, balance]);
  });
});

function requestFor(member: TestMember, at: Date) {
  const purchaseId = crypto.randomUUID();
  return {
    purchaseId,
    member: { memberId: member.id },
    receiptId: `receipt-${purchaseId}`,
    amount: 100_000,
    redeemPoints: 0,
    source: 'api' as const,
    recordedBy: 'admin',
    at,
  };
}

/** A policy whose second message cannot be serialized, so the transaction fails after the first is written. */
function policyWithUnwritableSecondMessage(): PurchasePolicy {
  const rules = defaultProgramRules;
  return {
    rules,
    tierOf: (figures) => tierFor(rules, figures).code,
    requestHash: () => 'test',
    quote: (member) => quotePurchase(rules, { ...member, amount: 100_000, redeemPoints: 0 }),
    notifyPurchase: (purchase, member) => [
      { memberId: member.id, dedupeKey: `first:${purchase.id}`, message: { text: 'first' } },
      { memberId: member.id, dedupeKey: `second:${purchase.id}`, message: { text: 1n as unknown as string } },
    ],
  };
}
