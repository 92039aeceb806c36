import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStaff } from '../../core/storage/staff/staff.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

let api: ApiTestApp;

beforeAll(async () => {
  api = await startApiTestApp();
});

afterAll(async () => {
  await api.stop();
});

describe('programme rules through the API', () => {
  it('reads the rules in force, every field filled in', async () => {
    const response = await api.call('GET', '/api/v1/program');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ currency: 'MDL', pointValue: 100, maxRedeemPercent: 50 });
  });

  it('lets a marketer change a rate that the next purchase uses, without a restart', async () => {
    const rules = (await api.call('GET', '/api/v1/program')).body as { tiers: { earnPercent: number }[] };
    rules.tiers[0]!.earnPercent = 10;
    const saved = await api.call('PUT', '/api/v1/program', { body: rules });
    expect(saved.status).toBe(200);
    const member = await api.enrol('+37369400001');
    const bought = await api.call('POST', '/api/v1/purchases', {
      body: { member: { card: member.cardNumber }, amount: 10_000, receiptId: 'rules-1' },
    });
    expect(bought.body.earnedPoints).toBe(10);
  });

  it('refuses rules that break an invariant, and a misspelt field, keeping the rules in force', async () => {
    const before = (await api.call('GET', '/api/v1/program')).body;
    const broken = await api.call<{ errors: { pointer: string }[] }>('PUT', '/api/v1/program', {
      body: { ...before, tiers: [{ code: 'a', threshold: 5, earnPercent: 1, discountPercent: 0 }] },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]!.pointer).toBe('/tiers/0/threshold');
    const misspelt = await api.call('PUT', '/api/v1/program', { body: { ...before, pointvalue: 50 } });
    expect(misspelt.status).toBe(400);
    expect((await api.call('GET', '/api/v1/program')).body).toEqual(before);
  });

  it('names the reason of each refused field in words a client can translate, with the bound', async () => {
    const before = (await api.call('GET', '/api/v1/program')).body as Record<string, unknown> & {
      tiers: { code: string; threshold: number }[];
    };
    const tiers = before.tiers.map((tier, i) => (i === 2 ? { ...tier, threshold: 1 } : tier));
    const broken = await api.call<{ errors: { pointer: string; reason: string; limit?: number }[] }>(
      'PUT',
      '/api/v1/program',
      { body: { ...before, maxRedeemPercent: 101, welcomeBonus: 1.5, redeemRequires: 'phone' } },
    );
    expect(broken.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/maxRedeemPercent', reason: 'too-big', limit: 100 }),
        expect.objectContaining({ pointer: '/welcomeBonus', reason: 'not-integer' }),
        expect.objectContaining({ pointer: '/redeemRequires', reason: 'not-an-option' }),
      ]),
    );
    const falling = await api.call<{ errors: { pointer: string; reason: string }[] }>('PUT', '/api/v1/program', {
      body: { ...before, tiers },
    });
    expect(falling.body.errors).toEqual([
      expect.objectContaining({ pointer: '/tiers/2/threshold', reason: 'thresholds-not-increasing' }),
    ]);
    expect((await api.call('GET', '/api/v1/program')).body).toEqual(before);
  });
});

describe('the welcome bonus', () => {
  it('is the one the programme rules say, changed without a restart', async () => {
    const rules = (await api.call('GET', '/api/v1/program')).body;
    await api.call('PUT', '/api/v1/program', { body: { ...rules, welcomeBonus: 250 } });
    const member = await api.enrol('+37369400002');
    await api.call('PUT', '/api/v1/program', { body: rules });
    expect(member.balance).toBe(250);
  });
});

describe('staff roles through the API', () => {
  it('grants the cashier role, which isStaff then reports, and revokes it at once', async () => {
    const granted = await api.call('POST', '/api/v1/staff', {
      body: { channel: 'telegram', address: '5551001', name: 'Ion', role: 'cashier' },
    });
    expect(granted.status).toBe(201);
    expect(await isStaff(api.app.db, 'telegram', '5551001', 'cashier')).toBe(true);
    expect(await isStaff(api.app.db, 'telegram', '5551002', 'cashier')).toBe(false);
    const listed = await api.call<{ staff: { id: string }[] }>('GET', '/api/v1/staff');
    expect(listed.body.staff.map((s) => s.id)).toContain(granted.body.id);
    const revoked = await api.call('DELETE', `/api/v1/staff/${granted.body.id}`);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect(await isStaff(api.app.db, 'telegram', '5551001', 'cashier')).toBe(false);
  });

  it('treats granting again as no change, and granting after a revocation as restoring the role', async () => {
    const body = { channel: 'telegram', address: '5551003', name: 'Vera', role: 'cashier' };
    const first = await api.call('POST', '/api/v1/staff', { body });
    const again = await api.call('POST', '/api/v1/staff', { body });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    await api.call('DELETE', `/api/v1/staff/${first.body.id}`);
    const restored = await api.call('POST', '/api/v1/staff', { body });
    expect(restored.body).toMatchObject({ id: first.body.id, revokedAt: null });
    expect(await isStaff(api.app.db, 'telegram', '5551003', 'cashier')).toBe(true);
  });

  it('refuses a role or channel it does not know, and answers 404 for an unknown grant', async () => {
    expect(
      (
        await api.call('POST', '/api/v1/staff', {
          body: { channel: 'telegram', address: '1', name: 'X', role: 'admin' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await api.call('POST', '/api/v1/staff', { body: { channel: 'sms', address: '1', name: 'X', role: 'cashier' } }))
        .status,
    ).toBe(400);
    expect((await api.call('DELETE', '/api/v1/staff/nobody')).status).toBe(404);
  });
});
