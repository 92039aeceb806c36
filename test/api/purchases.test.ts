import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

type Body = Record<string, unknown>;

describeEachProvider('purchases through the REST API', (provider) => {
  let api: ApiTestApp;
  let key: string;
  let phones = 0;
  const nextPhone = () => `+3736930${String(++phones).padStart(4, '0')}`;
  const purchase = (body: Body, options: { idempotencyKey?: string; token?: string } = {}) =>
    api.call('POST', '/api/v1/purchases', { body, token: key, ...options });
  const purchaseCount = (memberId: string) => api.app.db.prisma.purchase.count({ where: { memberId } });

  beforeAll(async () => {
    api = await startApiTestApp(provider);
    key = (await api.newApiKey()).key;
    // These tests are about what redemption does; which reference may redeem is test/api/redeemRequires.test.ts.
    await api.call('PATCH', '/api/v1/program', {
      body: { redeemRequires: 'any' },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('earns points on what was paid, and answers the new balance and the discount', async () => {
    const member = await api.enrol(nextPhone());
    const response = await purchase({
      member: { card: member.cardNumber },
      amount: 25_000,
      receiptId: `${provider}-earn`,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      receiptId: `${provider}-earn`,
      memberId: member.id,
      amount: 25_000,
      discountPercent: 0,
      discountAmount: 0,
      redeemedPoints: 0,
      redeemedAmount: 0,
      paidAmount: 25_000,
      earnedPoints: 7,
      freeItem: false,
      balance: 107,
      tier: 'bronze',
    });
    expect(response.body.purchaseId).toEqual(expect.any(String));
  });

  it('redeems points, which pay for part of the receipt, and earns on the rest', async () => {
    const phone = nextPhone();
    await api.enrol(phone);
    const paid = await purchase({
      member: { phone },
      amount: 20_000,
      receiptId: `${provider}-redeem`,
      redeemPoints: 60,
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      redeemedPoints: 60,
      redeemedAmount: 6_000,
      paidAmount: 14_000,
      earnedPoints: 4,
      balance: 100 - 60 + 4,
    });
  });

  it('refuses to let points pay more than the configured share, with maxRedeemable, and records nothing', async () => {
    const member = await api.enrol(nextPhone());
    const response = await purchase({
      member: { card: member.cardNumber },
      amount: 10_000,
      receiptId: `${provider}-share`,
      redeemPoints: 51,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: '/api/problems/redemption-refused',
      reason: 'over-share',
      maxRedeemable: 50,
    });
    expect(await purchaseCount(member.id)).toBe(0);
    const retried = await purchase({
      member: { card: member.cardNumber },
      amount: 10_000,
      receiptId: `${provider}-share`,
      redeemPoints: 50,
    });
    expect(retried.status).toBe(201);
  });

  it('refuses to redeem more than the balance', async () => {
    const member = await api.enrol(nextPhone());
    const response = await purchase({
      member: { card: member.cardNumber },
      amount: 1_000_000,
      receiptId: `${provider}-balance`,
      redeemPoints: 101,
    });
    expect(response.body).toMatchObject({ status: 422, reason: 'over-balance', maxRedeemable: 100 });
  });

  it('replays the first answer for the same Idempotency-Key and body, with no second effect', async () => {
    const member = await api.enrol(nextPhone());
    const body = {
      member: { card: member.cardNumber },
      amount: 30_000,
      receiptId: `${provider}-key`,
      redeemPoints: 10,
    };
    const first = await purchase(body, { idempotencyKey: `${provider}-k1` });
    const again = await purchase(
      { redeemPoints: 10, receiptId: `${provider}-key`, amount: 30_000, member: { card: member.cardNumber } },
      { idempotencyKey: `${provider}-k1` },
    );
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await purchaseCount(member.id)).toBe(1);
    expect((await api.call('GET', `/api/v1/members/${member.id}`)).body.balance).toBe(first.body.balance);
  });

  it('answers 409 for the same Idempotency-Key with another body, and changes nothing', async () => {
    const member = await api.enrol(nextPhone());
    await purchase(
      { member: { card: member.cardNumber }, amount: 30_000, receiptId: `${provider}-key2` },
      { idempotencyKey: `${provider}-k2` },
    );
    const other = await purchase(
      { member: { card: member.cardNumber }, amount: 31_000, receiptId: `${provider}-key2b` },
      { idempotencyKey: `${provider}-k2` },
    );
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('/api/problems/idempotency-key-reused');
    expect(await purchaseCount(member.id)).toBe(1);
  });

  it('scopes Idempotency-Keys per client: another key holder may use the same key', async () => {
    const member = await api.enrol(nextPhone());
    const other = (await api.newApiKey('Till 2')).key;
    const a = await purchase(
      { member: { card: member.cardNumber }, amount: 5_000, receiptId: `${provider}-scope-a` },
      { idempotencyKey: `${provider}-shared` },
    );
    const b = await purchase(
      { member: { card: member.cardNumber }, amount: 6_000, receiptId: `${provider}-scope-b` },
      { idempotencyKey: `${provider}-shared`, token: other },
    );
    expect([a.status, b.status]).toEqual([201, 201]);
  });

  it('stores the answer to an Idempotency-Key with the purchase, exactly as it was sent', async () => {
    const member = await api.enrol(nextPhone());
    const first = await purchase(
      { member: { card: member.cardNumber }, amount: 30_000, receiptId: `${provider}-kept` },
      { idempotencyKey: `${provider}-kept-key` },
    );
    const stored = await api.app.db.prisma.idempotentRequest.findFirstOrThrow({
      where: { key: `${provider}-kept-key` },
    });
    expect([stored.status, JSON.parse(stored.body)]).toEqual([201, first.body]);
  });

  it('answers a replayed receipt without a key with 200 and the first body', async () => {
    const member = await api.enrol(nextPhone());
    const body = {
      member: { card: member.cardNumber },
      amount: 40_000,
      receiptId: `${provider}-receipt`,
      redeemPoints: 20,
    };
    const first = await purchase(body);
    await purchase({ member: { card: member.cardNumber }, amount: 5_000, receiptId: `${provider}-receipt-later` });
    const replay = await purchase(body);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(await purchaseCount(member.id)).toBe(2);
  });

  it('answers a receipt retried with the member named by phone instead of card with 200 and the first body', async () => {
    const phone = nextPhone();
    const member = await api.enrol(phone);
    const first = await purchase({
      member: { card: member.cardNumber },
      amount: 40_000,
      receiptId: `${provider}-by-phone`,
    });
    const replay = await purchase({ member: { phone }, amount: 40_000, receiptId: `${provider}-by-phone` });
    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(replay.body).toEqual(first.body);
    expect(await purchaseCount(member.id)).toBe(1);
  });

  it('answers 409 for a receipt recorded before with other content', async () => {
    const member = await api.enrol(nextPhone());
    await purchase({ member: { card: member.cardNumber }, amount: 40_000, receiptId: `${provider}-conflict` });
    const response = await purchase({
      member: { card: member.cardNumber },
      amount: 41_000,
      receiptId: `${provider}-conflict`,
    });
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/api/problems/receipt-conflict');
  });

  it('uses a one-time code up: the second purchase with it is refused', async () => {
    const member = await api.enrol(nextPhone());
    const { code } = await api.app.points.issueCode(member.id);
    expect((await purchase({ member: { code }, amount: 5_000, receiptId: `${provider}-code-1` })).status).toBe(201);
    const second = await purchase({ member: { code }, amount: 5_000, receiptId: `${provider}-code-2` });
    expect(second.status).toBe(422);
    expect(second.body.type).toBe('/api/problems/code-expired');
  });

  it('answers 404 for a card nobody holds', async () => {
    const response = await purchase({
      member: { card: '100000000008' },
      amount: 5_000,
      receiptId: `${provider}-nobody`,
    });
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('/api/problems/member-not-found');
  });

  it('refunds a purchase: spent points back, earned points taken back; a second refund changes nothing', async () => {
    const member = await api.enrol(nextPhone());
    const bought = await purchase({
      member: { card: member.cardNumber },
      amount: 20_000,
      receiptId: `${provider}-refund`,
      redeemPoints: 60,
    });
    const refund = await api.call('POST', `/api/v1/purchases/${bought.body.purchaseId}/refund`, { token: key });
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({
      alreadyRefunded: false,
      restoredPoints: 60,
      takenBackPoints: 4,
      shortfallPoints: 0,
      withholdAmount: 0,
      balance: 100,
      tier: 'bronze',
    });
    const again = await api.call('POST', `/api/v1/purchases/${bought.body.purchaseId}/refund`, { token: key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...refund.body, alreadyRefunded: true });
  });

  it('tells the till what to withhold when earned points were already spent', async () => {
    const member = await api.enrol(nextPhone());
    const bought = await purchase({
      member: { card: member.cardNumber },
      amount: 100_000,
      receiptId: `${provider}-shortfall-1`,
    });
    expect(bought.body).toMatchObject({ earnedPoints: 30, balance: 130 });
    await purchase({
      member: { card: member.cardNumber },
      amount: 100_000,
      receiptId: `${provider}-shortfall-2`,
      redeemPoints: 130,
    });
    const refund = await api.call('POST', `/api/v1/purchases/${bought.body.purchaseId}/refund`, { token: key });
    expect(refund.body).toMatchObject({ takenBackPoints: 26, shortfallPoints: 4, withholdAmount: 400 });
  });

  it('answers 404 for refunding a purchase that does not exist', async () => {
    const response = await api.call('POST', '/api/v1/purchases/no-such-purchase/refund', { token: key });
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('/api/problems/purchase-not-found');
  });

  it('records a purchase once for 100 concurrent requests with one Idempotency-Key, and answers them all alike', async () => {
    const member = await api.enrol(nextPhone());
    const body = {
      member: { card: member.cardNumber },
      amount: 50_000,
      receiptId: `${provider}-storm`,
      redeemPoints: 30,
    };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => purchase(body, { idempotencyKey: `${provider}-storm-key` })),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    const bodies = new Set(responses.map((r) => JSON.stringify(r.body)));
    expect(bodies.size).toBe(1);
    expect(await purchaseCount(member.id)).toBe(1);
    const ledger = await api.app.db.prisma.ledgerEntry.findMany({ where: { memberId: member.id } });
    expect(ledger.map((e) => e.kind).sort()).toEqual(['purchase', 'redeem', 'welcome']);
    expect((await api.call('GET', `/api/v1/members/${member.id}`)).body.balance).toBe(responses[0]!.body.balance);
  });

  it('records a receipt once for 100 concurrent requests without a key: one 201, the rest 200 with the same body', async () => {
    const member = await api.enrol(nextPhone());
    const body = {
      member: { card: member.cardNumber },
      amount: 60_000,
      receiptId: `${provider}-receipt-storm`,
      redeemPoints: 20,
    };
    const responses = await Promise.all(Array.from({ length: 100 }, () => purchase(body)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(99);
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await purchaseCount(member.id)).toBe(1);
  });
});
