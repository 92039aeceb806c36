import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

const DAY_MS = 86_400_000;
let now = new Date('2026-03-01T10:00:00Z');
let api: ApiTestApp;

beforeAll(async () => {
  api = await startApiTestApp('sqlite', {}, () => now);
  // These tests are about what redemption does; which reference may redeem is test/api/redeemRequires.test.ts.
  await api.call('PATCH', '/api/v1/program', {
    body: { redeemRequires: 'any' },
    headers: { 'content-type': 'application/merge-patch+json' },
  });
});

afterAll(async () => {
  await api.stop();
});

describe('Idempotency-Key across routes and time', () => {
  it('refuses a key reused for a request to another route', async () => {
    const first = await api.call('POST', '/api/v1/api-keys', {
      body: { name: 'Till 9' },
      idempotencyKey: 'route-bound',
    });
    expect(first.status).toBe(201);
    const other = await api.call('POST', '/api/v1/staff', {
      body: { channel: 'telegram', address: '99', name: 'Till 9', role: 'cashier' },
      idempotencyKey: 'route-bound',
    });
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('/api/problems/idempotency-key-reused');
  });

  it('replays a stored problem too: a refused redemption stays refused for that key', async () => {
    const member = await api.enrol('+37369500001');
    const body = { member: { card: member.cardNumber }, amount: 10_000, receiptId: 'idem-refused', redeemPoints: 500 };
    const first = await api.call('POST', '/api/v1/purchases', { body, idempotencyKey: 'refused-once' });
    const again = await api.call('POST', '/api/v1/purchases', { body, idempotencyKey: 'refused-once' });
    expect(first.status).toBe(422);
    expect(again.status).toBe(422);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('takes over a key whose first request died mid-way, instead of blocking it forever', async () => {
    const member = await api.enrol('+37369500002');
    await api.app.db.prisma.idempotentRequest.create({
      data: {
        client: 'admin',
        key: 'orphan',
        requestHash: 'unknown',
        status: 0,
        body: '',
        createdAt: new Date(now.getTime() - 10 * 60_000),
      },
    });
    // Another body under an orphaned key is still a conflict: the hash is what the dead request was doing.
    const body = { member: { card: member.cardNumber }, amount: 10_000, receiptId: 'idem-orphan' };
    expect((await api.call('POST', '/api/v1/purchases', { body, idempotencyKey: 'orphan' })).status).toBe(409);
    await api.app.db.prisma.idempotentRequest.update({
      where: { client_key: { client: 'admin', key: 'orphan' } },
      data: { requestHash: await hashOf(body) },
    });
    const response = await api.call('POST', '/api/v1/purchases', { body, idempotencyKey: 'orphan' });
    expect(response.status).toBe(201);
  });
});

describe('balances as time passes', () => {
  it('shows points that expired as gone, in the balance and the ledger, and will not redeem them', async () => {
    const member = await api.enrol('+37369500003');
    expect(member.balance).toBe(100);
    now = new Date(now.getTime() + 366 * DAY_MS);
    expect((await api.call('GET', `/api/v1/members/${member.id}`)).body.balance).toBe(0);
    const ledger = await api.call<{ entries: { kind: string; delta: number }[] }>(
      'GET',
      `/api/v1/members/${member.id}/ledger`,
    );
    expect(ledger.body.entries[0]).toMatchObject({ delta: -100 });
    const refused = await api.call('POST', '/api/v1/purchases', {
      body: { member: { card: member.cardNumber }, amount: 10_000, receiptId: 'idem-expired', redeemPoints: 10 },
    });
    expect(refused.body).toMatchObject({ status: 422, reason: 'over-balance', maxRedeemable: 0 });
  });
});

/** The request hash the API computes for a purchase by the admin, as an orphaned claim would hold it. */
async function hashOf(body: unknown): Promise<string> {
  const { createHash } = await import('node:crypto');
  const { canonicalJson } = await import('../../api/canonicalJson.ts');
  return createHash('sha256')
    .update(`POST /api/v1/purchases\n${canonicalJson(body)}`)
    .digest('hex');
}
