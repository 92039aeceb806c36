import { afterEach, beforeEach, expect, it } from 'vitest';
import { asMember, askName } from '../../../core/conversation/chatState.ts';
import type { Credit } from '../../../core/points/pointsPorts.ts';
import type { Enrolment, MemberRecord } from '../../../core/members/membersPorts.ts';
import { createConversationStores } from '../../../core/storage/conversation/createConversationStores.ts';
import { creditOnce } from '../../../core/storage/points/creditOnce.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';

const now = new Date('2026-03-10T10:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let sequence = 0;

function enrolmentFor(chat: { id: string; version: number }, overrides: Partial<Enrolment['member']> = {}): Enrolment {
  sequence += 1;
  return {
    at: now,
    chatId: chat.id,
    chatVersion: chat.version,
    member: {
      id: crypto.randomUUID(),
      cardNumber: String(100000000000 + sequence),
      name: 'Anna',
      phoneVerified: true,
      phone: `+3736900${String(sequence).padStart(4, '0')}`,
      birthday: null,
      birthdaySetAt: null,
      locale: 'en',
      consentAt: now,
      consentVersion: 'test-consent',
      ...overrides,
    },
    welcome: null,
    nextState: asMember,
  };
}

function creditOf(member: MemberRecord, points: number, overrides: Partial<Credit> = {}): Credit {
  return {
    memberId: member.id,
    kind: 'purchase',
    points,
    idempotencyKey: crypto.randomUUID(),
    expiresAt: null,
    at: now,
    ...overrides,
  };
}

describeEachProvider('the Prisma store', (provider) => {
  let db: TestDatabase;
  let stores: ReturnType<typeof createConversationStores>;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    stores = createConversationStores(db);
  });

  afterEach(async () => {
    await db.dispose();
  });

  const aChat = (address = `visitor-${crypto.randomUUID()}`) =>
    stores.chats.createChat({
      channel: 'web',
      address,
      locale: 'en',
      state: askName,
      consentAt: now,
      consentVersion: 'test-consent',
    });

  async function aMember(overrides: Partial<Enrolment['member']> = {}): Promise<MemberRecord> {
    const result = await stores.members.enrol(enrolmentFor(await aChat(), overrides));
    if (!result.ok) throw new Error(`could not enrol the test member: ${result.reason}`);
    return result.member;
  }

  const ledgerSum = async (memberId: string) =>
    (await db.prisma.ledgerEntry.aggregate({ where: { memberId }, _sum: { delta: true } }))._sum.delta ?? 0;
  const balanceOf = async (memberId: string) => (await stores.members.findMember(memberId))!.balance;

  it('claims an update once', async () => {
    expect([
      await stores.inbound.claimUpdate('telegram', '42'),
      await stores.inbound.claimUpdate('telegram', '42'),
    ]).toEqual([true, false]);
  });

  it('claims the same update id on different channels separately', async () => {
    expect([await stores.inbound.claimUpdate('telegram', '42'), await stores.inbound.claimUpdate('web', '42')]).toEqual(
      [true, true],
    );
  });

  it('lets a released update be claimed again', async () => {
    await stores.inbound.claimUpdate('web', 'm-1');
    await stores.inbound.releaseUpdate('web', 'm-1');
    expect(await stores.inbound.claimUpdate('web', 'm-1')).toBe(true);
  });

  it('returns the existing chat when the same address is created twice', async () => {
    const first = await aChat('visitor-1');
    const second = await aChat('visitor-1');
    expect(second.id).toBe(first.id);
  });

  it('refuses to save a chat against a stale version', async () => {
    const chat = await aChat();
    await stores.chats.saveChat(chat.id, chat.version, { locale: 'ro' });
    expect(await stores.chats.saveChat(chat.id, chat.version, { locale: 'ru' })).toBe(false);
  });

  it('enrols a member and moves the chat in one step', async () => {
    const chat = await aChat();
    const result = await stores.members.enrol(enrolmentFor(chat));
    expect(await stores.chats.findChat('web', chat.address)).toMatchObject({
      memberId: result.ok && result.member.id,
      state: asMember,
    });
  });

  it('refuses to enrol a phone number that is already a member, and keeps nothing of the attempt', async () => {
    await aMember({ phone: '+37369123456' });
    const result = await stores.members.enrol(enrolmentFor(await aChat(), { phone: '+37369123456' }));
    expect(result).toEqual({ ok: false, reason: 'phone-taken' });
    expect(await db.prisma.member.count()).toBe(1);
  });

  it('reports a card number that is already issued, so a new one can be drawn', async () => {
    await aMember({ cardNumber: '079927398713' });
    const result = await stores.members.enrol(enrolmentFor(await aChat(), { cardNumber: '079927398713' }));
    expect(result).toEqual({ ok: false, reason: 'card-taken' });
  });

  it('rolls the enrolment back when the chat moved on meanwhile', async () => {
    const chat = await aChat();
    await stores.chats.saveChat(chat.id, chat.version, { locale: 'ro' });
    const result = await stores.members.enrol({ ...enrolmentFor(chat), welcome: { points: 100, expiresAt: null } });
    expect(result).toEqual({ ok: false, reason: 'chat-changed' });
    expect([await db.prisma.member.count(), await db.prisma.ledgerEntry.count()]).toEqual([0, 0]);
  });

  it('credits once per idempotency key, and the balance stays the sum of the ledger', async () => {
    const member = await aMember();
    const credit = creditOf(member, 70, { idempotencyKey: 'receipt-1' });
    expect([await creditOnce(db, credit), await creditOnce(db, credit)]).toEqual([true, false]);
    expect(await balanceOf(member.id)).toBe(70);
    expect(await ledgerSum(member.id)).toBe(70);
  });

  it('loses no credit among 50 concurrent ones', async () => {
    const member = await aMember();
    const results = await Promise.all(Array.from({ length: 50 }, () => creditOnce(db, creditOf(member, 10))));
    expect(results.every(Boolean)).toBe(true);
    expect(await balanceOf(member.id)).toBe(500);
    expect(await ledgerSum(member.id)).toBe(500);
  });

  it('records the running balance of each of 50 concurrent credits', async () => {
    const member = await aMember();
    await Promise.all(Array.from({ length: 50 }, () => creditOnce(db, creditOf(member, 10))));
    const after = (
      await db.prisma.ledgerEntry.findMany({ where: { memberId: member.id }, select: { balanceAfter: true } })
    ).map((line) => line.balanceAfter);
    expect(after.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) * 10));
  });

  it('refuses a credit of zero or negative points', async () => {
    const member = await aMember();
    await expect(creditOnce(db, creditOf(member, 0))).rejects.toThrow(RangeError);
    await expect(creditOnce(db, creditOf(member, -5))).rejects.toThrow(RangeError);
  });

  it('sums only the unspent points of lots that expire before the date', async () => {
    const member = await aMember();
    await creditOnce(db, creditOf(member, 30, { idempotencyKey: 'partly-spent', expiresAt: day('2026-04-10') }));
    await creditOnce(db, creditOf(member, 20, { idempotencyKey: 'spent', expiresAt: day('2026-04-05') }));
    await creditOnce(db, creditOf(member, 40, { idempotencyKey: 'unspent', expiresAt: day('2026-04-20') }));
    await creditOnce(db, creditOf(member, 50, { idempotencyKey: 'later', expiresAt: day('2026-05-10') }));
    await creditOnce(db, creditOf(member, 60, { idempotencyKey: 'forever', expiresAt: null }));
    // The store has no spending yet: a spend draws lots down like this.
    await db.prisma.ledgerEntry.update({ where: { idempotencyKey: 'partly-spent' }, data: { remaining: 10 } });
    await db.prisma.ledgerEntry.update({ where: { idempotencyKey: 'spent' }, data: { remaining: 0 } });
    expect(await stores.ledger.pointsExpiringBefore(member.id, day('2026-05-01'))).toEqual({
      points: 50,
      firstExpiry: day('2026-04-10'),
    });
  });

  it('counts nothing as expiring when no lot expires before the date', async () => {
    const member = await aMember();
    await creditOnce(db, creditOf(member, 50, { expiresAt: day('2026-05-10') }));
    expect(await stores.ledger.pointsExpiringBefore(member.id, day('2026-05-01'))).toEqual({
      points: 0,
      firstExpiry: null,
    });
  });

  it("counts only the member's own expiring points", async () => {
    const member = await aMember();
    const other = await aMember();
    await creditOnce(db, creditOf(member, 30, { expiresAt: day('2026-04-10') }));
    await creditOnce(db, creditOf(other, 70, { expiresAt: day('2026-04-01') }));
    expect(await stores.ledger.pointsExpiringBefore(member.id, day('2026-05-01'))).toEqual({
      points: 30,
      firstExpiry: day('2026-04-10'),
    });
  });

  it('lists the latest ledger lines, newest first', async () => {
    const member = await aMember();
    for (const [i, points] of [10, 20, 30].entries()) {
      await creditOnce(db, creditOf(member, points, { idempotencyKey: `k${i}` }));
    }
    const lines = await stores.ledger.recentLedger(member.id, 2);
    expect(lines.map((line) => [line.delta, line.balanceAfter])).toEqual([
      [30, 60],
      [20, 30],
    ]);
  });

  it('lists lines written in quick succession in the order they were written', async () => {
    const member = await aMember();
    for (let i = 0; i < 20; i++) await creditOnce(db, creditOf(member, 1));
    const lines = await stores.ledger.recentLedger(member.id, 20);
    expect(lines.map((line) => line.balanceAfter)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
  });
});
