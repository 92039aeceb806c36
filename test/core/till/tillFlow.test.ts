// The till's state machine through the assistant, on SQLite and PostgreSQL:
// a cashier finds the member, types the amount, chooses, confirms.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { menuPayload } from '../../../core/payloads.ts';
import { formatMoney } from '../../../core/points/formatMoney.ts';
import { tillPayload } from '../../../core/till/tillPayloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  buttonIn,
  command,
  createTillWorld,
  en,
  payloads,
  press,
  text,
  texts,
  translator,
  type TillWorld,
} from './tillWorld.ts';

const points = (count: number) => en('points', { count });
const mdl = (minorUnits: number) => formatMoney(minorUnits, 'MDL', 'en');

describeEachProvider('the till', (provider) => {
  let world: TillWorld;

  beforeEach(async () => {
    world = await createTillWorld(provider);
    await world.register();
    await world.grantCashier();
  });

  afterEach(async () => {
    await world.dispose();
  });

  /** /till → the member's code → the amount: the earn/spend choice is on screen. */
  async function upToChoice(amount = '125,50') {
    const code = await world.cardCode();
    await world.cashier(command('till'));
    await world.cashier(text(code));
    return world.cashier(text(amount));
  }

  it('asks for the member when a cashier sends /till', async () => {
    const replies = await world.cashier(command('till'));
    expect(texts(replies)).toEqual([en('till.askMember')]);
    expect(payloads(replies)).toEqual([tillPayload.cancel]);
  });

  it("shows the member's name, tier, discount, balance and stamps once the code is typed", async () => {
    const code = await world.cardCode();
    await world.cashier(command('till'));
    const [card] = await world.cashier(text(code));
    const member = await world.member();
    expect(card?.text).toBe(
      [
        en('till.member.name', { name: 'Anna', card: member.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ') }),
        en('till.member.tier', { tier: en('tier.bronze'), percent: 0 }),
        en('till.member.balance', { points: points(100) }),
        en('till.member.stamps', { stamps: 0, every: 6 }),
        '',
        en('till.askAmount', { currency: 'MDL' }),
      ].join('\n'),
    );
  });

  it('offers to earn only, or to spend as many points as the rules allow and earn on the rest', async () => {
    const [choice] = await upToChoice('125,50');
    // 50 % of 125.50 is 62.75: 62 whole points of 1 MDL each.
    expect(choice?.text).toContain(en('till.choice.amount', { amount: mdl(12_550) }));
    expect(choice?.buttons?.map((row) => row.map((b) => b.label))).toEqual([
      [en('till.earnOnlyButton')],
      [en('till.spendButton', { points: points(62) })],
      [en('till.cancelButton')],
    ]);
  });

  it('offers only to earn when the member is named by phone or card number', async () => {
    const { cardNumber } = await world.member();
    for (const reference of ['+37369123456', cardNumber]) {
      await world.cashier(command('till'));
      await world.cashier(text(reference));
      const [choice] = await world.cashier(text('100'));
      expect(choice?.buttons?.map((row) => row.map((b) => b.label))).toEqual([
        [en('till.earnOnlyButton')],
        [en('till.cancelButton')],
      ]);
      await world.cashier(command('cancel'));
    }
  });

  it('records a purchase paid partly with points, changing the balance exactly', async () => {
    const choice = await upToChoice('125,50');
    const summary = await world.cashier(press(buttonIn(choice, en('till.spendButton', { points: points(62) }))));
    expect(texts(summary)[0]).toBe(
      [
        en('till.summary.title', { name: 'Anna' }),
        en('till.summary.amount', { amount: mdl(12_550) }),
        en('till.summary.discount', { percent: 0, amount: mdl(0) }),
        en('till.summary.redeemed', { points: points(62), amount: mdl(6200) }),
        en('till.summary.toPay', { amount: mdl(6350) }),
        en('till.summary.earned', { points: points(1) }),
      ].join('\n'),
    );
    const [result, next] = await world.cashier(press(buttonIn(summary, en('till.confirmButton'))));
    // 100 − 62 spent + 1 earned (3 % of 63.50, rounded down).
    expect((await world.member()).balance).toBe(39);
    expect(result?.text).toContain(en('till.result.balance', { points: points(39) }));
    expect(next?.text).toBe(en('till.askNextMember'));
    expect(await world.purchases()).toMatchObject([
      { amount: 12_550, redeemedPoints: 62, paidAmount: 6_350, earnedPoints: 1, source: 'till' },
    ]);
  });

  it("writes the member's purchase confirmation to the outbox with the purchase", async () => {
    const choice = await upToChoice('125.50');
    const summary = await world.cashier(press(buttonIn(choice, en('till.earnOnlyButton'))));
    await world.cashier(press(buttonIn(summary, en('till.confirmButton'))));
    const [purchase] = await world.purchases();
    const outbox = await world.db.prisma.outboxMessage.findMany({ where: { dedupeKey: `purchase:${purchase!.id}` } });
    expect(outbox).toHaveLength(1);
    expect(JSON.stringify(JSON.parse(outbox[0]!.payload))).toContain(en('purchase.recorded', { amount: mdl(12_550) }));
  });

  it('records a double-tapped Confirm once and says so on the second tap', async () => {
    const choice = await upToChoice();
    const summary = await world.cashier(press(buttonIn(choice, en('till.earnOnlyButton'))));
    const confirm = buttonIn(summary, en('till.confirmButton'));
    await world.cashier(press(confirm));
    const again = await world.cashier(press(confirm));
    expect(texts(again)[0]).toBe(en('till.alreadyRecorded'));
    expect(await world.purchases()).toHaveLength(1);
    expect((await world.member()).balance).toBe(103);
  });

  it('records once when two taps on Confirm are handled at the same moment', async () => {
    const choice = await upToChoice();
    const summary = await world.cashier(press(buttonIn(choice, en('till.spendButton', { points: points(62) }))));
    const confirm = buttonIn(summary, en('till.confirmButton'));
    await Promise.all([world.cashier(press(confirm)), world.cashier(press(confirm))]);
    expect(await world.purchases()).toHaveLength(1);
    expect((await world.member()).balance).toBe(39);
  });

  it('refuses a code that was already used by a purchase', async () => {
    const code = await world.cardCode();
    await world.cashier(command('till'));
    await world.cashier(text(code));
    const choice = await world.cashier(text('10'));
    const summary = await world.cashier(press(buttonIn(choice, en('till.earnOnlyButton'))));
    await world.cashier(press(buttonIn(summary, en('till.confirmButton'))));
    const replies = await world.cashier(text(code));
    expect(texts(replies)).toEqual([en('till.codeExpired'), en('till.askMember')]);
  });

  it('refuses a code that expired', async () => {
    const code = await world.cardCode();
    world.advance(5 * 60_000 + 1);
    await world.cashier(command('till'));
    expect(texts(await world.cashier(text(code)))[0]).toBe(en('till.codeExpired'));
  });

  it('stops a cashier after ten wrong codes in a minute, even for the right code, and lets them try again later', async () => {
    const code = await world.cardCode();
    await world.cashier(command('till'));
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 10; i += 1) expect(texts(await world.cashier(text(wrong)))[0]).toBe(en('till.codeUnknown'));
    expect(texts(await world.cashier(text(code)))).toEqual([en('till.tooManyCodes'), en('till.askMember')]);
    world.advance(61_000);
    const fresh = await world.cardCode();
    expect(texts(await world.cashier(text(fresh)))[0]).not.toBe(en('till.tooManyCodes'));
  });

  it('records nothing when the code expires between the lookup and Confirm, and asks for the member again', async () => {
    const choice = await upToChoice();
    const summary = await world.cashier(press(buttonIn(choice, en('till.earnOnlyButton'))));
    world.advance(10 * 60_000);
    const replies = await world.cashier(press(buttonIn(summary, en('till.confirmButton'))));
    expect(texts(replies)).toEqual([en('till.codeExpired'), en('till.askMember')]);
    expect(await world.purchases()).toHaveLength(0);
  });

  it('finds the member by card number and by phone', async () => {
    const { cardNumber } = await world.member();
    await world.cashier(command('till'));
    expect(texts(await world.cashier(text(cardNumber)))[0]).toContain('Anna');
    await world.cashier(command('till'));
    expect(texts(await world.cashier(text('+373 69 123 456')))[0]).toContain('Anna');
  });

  it.each([
    ['123456789012', 'till.badCard'],
    ['who?', 'till.unreadableMember'],
    ['+373 69 999 999', 'till.phoneNotFound'],
    ['000000', 'till.codeUnknown'],
  ])('explains why "%s" names no member and asks again', async (typed, key) => {
    await world.cashier(command('till'));
    expect(texts(await world.cashier(text(typed)))).toEqual([en(key), en('till.askMember')]);
  });

  it.each([
    ['abc', 'till.amountError.unreadable'],
    ['1e3', 'till.amountError.unreadable'],
    ['0', 'till.amountError.notPositive'],
    ['-1', 'till.amountError.notPositive'],
    ['99999999999', 'till.amountError.tooLarge'],
  ])('explains why "%s" is no amount and asks again', async (typed, key) => {
    const code = await world.cardCode();
    await world.cashier(command('till'));
    await world.cashier(text(code));
    const replies = await world.cashier(text(typed));
    expect(texts(replies)).toEqual([en(key, { max: mdl(100_000_000) }), en('till.askAmount', { currency: 'MDL' })]);
    // Still waiting for the amount: a good one is taken.
    expect(payloads(await world.cashier(text('12')))).toContain(tillPayload.cancel);
  });

  it('leaves points that expired out of the balance shown and of what can be spent', async () => {
    world.advance(366 * 24 * 60 * 60_000);
    const code = await world.cardCode();
    await world.cashier(command('till'));
    const [card] = await world.cashier(text(code));
    const choice = await world.cashier(text('125,50'));
    expect(card?.text).toContain(en('till.member.balance', { points: points(0) }));
    expect(payloads(choice).filter((data) => data.startsWith('till:spend:'))).toEqual([]);
  });

  it('shows the discount the cashier is to give, by the member tier', async () => {
    await world.useRules({ tiers: [{ code: 'bronze', threshold: 0, earnPercent: 3, discountPercent: 5 }] });
    const choice = await upToChoice('100');
    expect(texts(choice)[0]).toContain(en('till.choice.discount', { percent: 5, amount: mdl(500) }));
  });

  it('offers the choice again on the new figures when the balance fell after the summary', async () => {
    const choice = await upToChoice('125,50');
    const summary = await world.cashier(press(buttonIn(choice, en('till.spendButton', { points: points(62) }))));
    const member = await world.member();
    await world.points.recordPurchase({
      member: { memberId: member.id },
      receiptId: 'pos-1',
      amount: 10_000,
      redeemPoints: 50,
      source: 'api',
      recordedBy: 'admin',
    });
    const replies = await world.cashier(press(buttonIn(summary, en('till.confirmButton'))));
    expect(texts(replies)[0]).toBe(en('till.redeemChanged', { points: points(51) }));
    expect(payloads(replies)).toContain(buttonIn(replies, en('till.spendButton', { points: points(51) })));
    expect(await world.purchases()).toHaveLength(1);
  });

  it('cancels at any step with /cancel, recording nothing', async () => {
    const choice = await upToChoice();
    expect(texts(await world.cashier(command('cancel')))).toEqual([en('till.cancelled')]);
    const stale = await world.cashier(press(buttonIn(choice, en('till.earnOnlyButton'))));
    expect(texts(stale)[0]).toBe(en('till.staleButton'));
    expect(await world.purchases()).toHaveLength(0);
  });

  it('ignores a button from an earlier screen', async () => {
    const first = await upToChoice();
    await upToChoice();
    const replies = await world.cashier(press(buttonIn(first, en('till.earnOnlyButton'))));
    expect(texts(replies)[0]).toBe(en('till.staleButton'));
    expect(await world.purchases()).toHaveLength(0);
  });

  it('keeps other commands from slipping past a purchase being entered', async () => {
    await world.cashier(command('till'));
    expect(texts(await world.cashier(command('balance')))).toEqual([en('till.busy'), en('till.askMember')]);
  });

  it("speaks the cashier's language", async () => {
    const replies = await world.cashier(command('till'), 'ro-MD');
    expect(texts(replies)).toEqual([translator.forLocale('ro')('till.askMember')]);
  });

  it('shows a Till button in the main menu of a cashier who is also a member, and not to customers', async () => {
    await world.register('visitor-2', '069123457');
    await world.db.prisma.staffMember.updateMany({ data: { channel: 'web', address: 'visitor-2' } });
    expect(payloads(await world.customer(command('menu'), 'visitor-2'))).toContain(tillPayload.open);
    expect(payloads(await world.customer(command('menu')))).not.toContain(tillPayload.open);
  });

  it("answers a customer's /till and till buttons politely and never opens the till", async () => {
    expect(texts(await world.customer(command('till')))).toEqual([en('errors.notUnderstood')]);
    expect(texts(await world.customer(press(tillPayload.open)))).toEqual([en('errors.unknownButton')]);
    expect(payloads(await world.customer(press(tillPayload.confirm('till-x'))))).toContain(menuPayload('balance'));
    expect(await world.db.prisma.tillSession.count()).toBe(0);
    expect(await world.purchases()).toHaveLength(0);
  });

  it('closes the till to a cashier whose role was revoked', async () => {
    await world.cashier(command('till'));
    await world.db.prisma.staffMember.updateMany({ data: { revokedAt: new Date() } });
    const replies = await world.cashier(command('till'));
    expect(texts(replies)).not.toContain(en('till.askMember'));
  });
});
