import { afterEach, beforeEach, expect, it } from 'vitest';
import { referrerForEnrolment } from '../../../core/storage/referral/createReferralStore.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createReferralWorld, DAY_MS, type ReferralWorld } from './support/referralWorld.ts';

describeEachProvider('referral rewards', (provider) => {
  let world: ReferralWorld;

  beforeEach(async () => {
    world = await createReferralWorld(provider);
    await world.useRules({ referral: { referrerBonus: 200, friendBonus: 100, capPerPeriod: 2, periodDays: 30 } });
  });

  afterEach(async () => {
    await world.dispose();
  });

  /** Anna, and a friend who registered with Anna's invitation code. */
  async function annaAndFriend() {
    const anna = await world.enrol({ name: 'Anna' });
    const friend = await world.enrol({ name: 'Boris', referralCode: await world.referrals.codeFor(anna.id) });
    return { anna, friend };
  }

  it('remembers at registration who invited the new member', async () => {
    const { anna, friend } = await annaAndFriend();
    expect(await world.referrerOf(friend)).toBe(anna.id);
  });

  it('rewards nobody at registration, before any purchase', async () => {
    const { anna, friend } = await annaAndFriend();
    expect([await world.referralPoints(anna), await world.referralPoints(friend)]).toEqual([[], []]);
  });

  it('rewards the referrer and the friend at the friend’s first purchase', async () => {
    const { anna, friend } = await annaAndFriend();
    await world.buy(friend);
    expect(await world.referralPoints(anna)).toEqual([[`referral:${friend.id}:referrer`, 200]]);
    expect(await world.referralPoints(friend)).toEqual([[`referral:${friend.id}:friend`, 100]]);
    for (const member of [anna, friend]) expect(await world.ledgerSum(member)).toBe(await world.balanceOf(member));
  });

  it('answers the first purchase with the friend’s balance including the bonus', async () => {
    const { friend } = await annaAndFriend();
    const outcome = await world.buy(friend);
    expect(outcome.kind === 'recorded' && outcome.member.balance).toBe(await world.balanceOf(friend));
  });

  it('rewards nothing more at the second purchase, nor at a replay of the first', async () => {
    const { anna, friend } = await annaAndFriend();
    await world.buy(friend, 100_00, 'receipt-1');
    await world.buy(friend, 100_00, 'receipt-1');
    await world.buy(friend, 50_00, 'receipt-2');
    expect(await world.referralPoints(anna)).toHaveLength(1);
    expect(await world.referralPoints(friend)).toHaveLength(1);
  });

  it('rewards nothing more when the first purchase is refunded and the friend buys again', async () => {
    const { anna, friend } = await annaAndFriend();
    const first = await world.buy(friend);
    if (first.kind !== 'recorded') throw new Error(first.kind);
    await world.db.prisma.member.update({ where: { id: friend.id }, data: { purchaseCount: 0 } });
    await world.buy(friend);
    expect(await world.referralPoints(anna)).toHaveLength(1);
  });

  it('tells the referrer, in their language and without naming the friend, and thanks the friend', async () => {
    const olga = await world.enrol({ name: 'Olga', locale: 'ru' });
    const friend = await world.enrol({ name: 'Boris', referralCode: await world.referrals.codeFor(olga.id) });
    await world.buy(friend);
    const toReferrer = await world.outboxText(`referral:${friend.id}:referrer`);
    expect(toReferrer).toEqual({
      memberId: olga.id,
      text: 'Ваше приглашение сработало: друг сделал первую покупку. Спасибо, что рекомендуете нас! Мы начислили на вашу карту 200 баллов.',
    });
    const toFriend = await world.outboxText(`referral:${friend.id}:friend`);
    expect(toFriend?.memberId).toBe(friend.id);
    expect(toFriend?.text).toContain('100 points');
  });

  it('refuses self-referral: a code whose owner has the newcomer’s phone or is the newcomer', async () => {
    const anna = await world.enrol({ phone: '+37369000001' });
    const code = await world.referrals.codeFor(anna.id);
    await world.db.prisma.$transaction(async (tx) => {
      expect(await referrerForEnrolment(tx, code, { id: crypto.randomUUID(), phone: '+37369000001' })).toBeNull();
      expect(await referrerForEnrolment(tx, code, { id: anna.id, phone: '+37369000002' })).toBeNull();
      expect(await referrerForEnrolment(tx, code, { id: crypto.randomUUID(), phone: '+37369000002' })).toBe(anna.id);
    });
  });

  it('rewards nobody for a member recorded as their own referrer', async () => {
    const anna = await world.enrol();
    await world.db.prisma.member.update({ where: { id: anna.id }, data: { referredById: anna.id } });
    await world.buy(anna);
    expect(await world.referralPoints(anna)).toEqual([]);
  });

  it('remembers no referrer for an unknown code', async () => {
    const friend = await world.enrol({ referralCode: 'NOSUCH99' });
    expect(await world.referrerOf(friend)).toBeNull();
    await world.buy(friend);
    expect(await world.referralPoints(friend)).toEqual([]);
  });

  it('honours the cap per period: the friend still gets the bonus, the referrer is told why they get none', async () => {
    const anna = await world.enrol();
    const code = await world.referrals.codeFor(anna.id);
    const friends = [];
    for (let i = 0; i < 3; i++) friends.push(await world.enrol({ referralCode: code }));
    for (const friend of friends) await world.buy(friend);
    expect(await world.referralPoints(anna)).toHaveLength(2);
    expect(await world.referralPoints(friends[2]!)).toEqual([[`referral:${friends[2]!.id}:friend`, 100]]);
    const told = await world.outboxText(`referral:${friends[2]!.id}:referrer`);
    expect(told?.text).toContain('You have already been rewarded for 2 invitations in the last 30 days');
  });

  it('rewards again once the period has passed', async () => {
    const anna = await world.enrol();
    const code = await world.referrals.codeFor(anna.id);
    for (let i = 0; i < 2; i++) await world.buy(await world.enrol({ referralCode: code }));
    world.advance(31 * DAY_MS);
    await world.buy(await world.enrol({ referralCode: code }));
    expect(await world.referralPoints(anna)).toHaveLength(3);
  });

  it('never exceeds the cap when invited friends make their first purchases at the same moment', async () => {
    await world.useRules({ referral: { referrerBonus: 200, friendBonus: 100, capPerPeriod: 1, periodDays: 30 } });
    const anna = await world.enrol();
    const code = await world.referrals.codeFor(anna.id);
    const friends = [];
    for (let i = 0; i < 4; i++) friends.push(await world.enrol({ referralCode: code }));
    const outcomes = await Promise.all(friends.map((friend) => world.buy(friend)));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['recorded', 'recorded', 'recorded', 'recorded']);
    expect(await world.referralPoints(anna)).toHaveLength(1);
    expect(await world.ledgerSum(anna)).toBe(await world.balanceOf(anna));
  });

  it('treats a cap of 0 as no cap', async () => {
    await world.useRules({ referral: { referrerBonus: 200, friendBonus: 0, capPerPeriod: 0, periodDays: 30 } });
    const anna = await world.enrol();
    const code = await world.referrals.codeFor(anna.id);
    for (let i = 0; i < 3; i++) await world.buy(await world.enrol({ referralCode: code }));
    expect(await world.referralPoints(anna)).toHaveLength(3);
  });

  it('gives each member one code, the same however often or concurrently it is asked for', async () => {
    const anna = await world.enrol();
    const codes = await Promise.all([
      world.referrals.codeFor(anna.id),
      world.referrals.codeFor(anna.id),
      world.referrals.codeFor(anna.id),
    ]);
    expect(new Set(codes).size).toBe(1);
    expect(await world.referrals.codeFor(anna.id)).toBe(codes[0]);
    expect(codes[0]).not.toBe(await world.referrals.codeFor((await world.enrol()).id));
  });
});
