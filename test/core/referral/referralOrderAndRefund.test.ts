import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createReferralWorld, type ReferralWorld } from './support/referralWorld.ts';

describeEachProvider('a referred friend’s first purchase: message order and refund', (provider) => {
  let world: ReferralWorld;

  beforeEach(async () => {
    world = await createReferralWorld(provider);
    await world.useRules({ referral: { referrerBonus: 300, friendBonus: 200, capPerPeriod: 2, periodDays: 30 } });
  });

  afterEach(async () => {
    await world.dispose();
  });

  async function annaAndFriend() {
    const anna = await world.enrol({ name: 'Anna' });
    const friend = await world.enrol({ name: 'Boris', referralCode: await world.referrals.codeFor(anna.id) });
    return { anna, friend };
  }

  async function firstPurchase(friend: Awaited<ReturnType<ReferralWorld['enrol']>>) {
    const outcome = await world.buy(friend);
    if (outcome.kind !== 'recorded') throw new Error(outcome.kind);
    return outcome;
  }

  it('tells the friend about the purchase before the bonus, each with the balance after its own event', async () => {
    const { friend } = await annaAndFriend();
    const { purchase } = await firstPurchase(friend);
    const [aboutPurchase, aboutBonus] = await world.outboxInOrder(friend);
    expect(aboutPurchase).toContain(`Balance: ${purchase.earnedPoints} points`);
    expect(aboutBonus).toContain(`Balance: ${purchase.earnedPoints + 200} points`);
  });

  it('takes back both rewards, the friend’s and the inviter’s, when the purchase that earned them is refunded', async () => {
    const { anna, friend } = await annaAndFriend();
    const { purchase } = await firstPurchase(friend);
    await world.refund(purchase.id);
    expect(await world.balanceOf(friend)).toBe(0);
    expect(await world.balanceOf(anna)).toBe(0);
    for (const member of [anna, friend]) expect(await world.ledgerSum(member)).toBe(await world.balanceOf(member));
  });

  it('takes the rewards back once, however often the refund is asked for', async () => {
    const { anna, friend } = await annaAndFriend();
    const { purchase } = await firstPurchase(friend);
    await world.buy(anna, 100_00);
    const annaBefore = await world.balanceOf(anna);
    await world.refund(purchase.id);
    await world.refund(purchase.id);
    expect(await world.balanceOf(anna)).toBe(annaBefore - 300);
  });

  it('takes back from the inviter only what is left when they spent the reward (the shortfall rule)', async () => {
    const { anna, friend } = await annaAndFriend();
    const { purchase } = await firstPurchase(friend);
    await world.db.prisma.member.update({ where: { id: anna.id }, data: { balance: 0 } });
    await world.refund(purchase.id);
    expect(await world.balanceOf(anna)).toBe(0);
    expect(await world.balanceOf(friend)).toBe(0);
  });

  it('leaves the rewards alone when a later purchase of the friend is refunded', async () => {
    const { anna, friend } = await annaAndFriend();
    await firstPurchase(friend);
    world.advance(60_000);
    const second = await world.buy(friend, 50_00);
    if (second.kind !== 'recorded') throw new Error(second.kind);
    await world.refund(second.purchase.id);
    expect(await world.balanceOf(anna)).toBe(300);
    expect(await world.referralPoints(friend)).toEqual([[`referral:${friend.id}:friend`, 200]]);
  });
});
