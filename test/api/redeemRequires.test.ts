// Spending points needs the one-time code by default: a phone number is known to many.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

describeEachProvider('which reference may spend points', (provider) => {
  let api: ApiTestApp;
  const phone = '+37369300901';

  beforeEach(async () => {
    api = await startApiTestApp(provider);
  });

  afterEach(async () => {
    await api.stop();
  });

  const purchase = (member: { phone?: string; card?: string; code?: string }, receiptId: string, redeemPoints = 10) =>
    api.call('POST', '/api/v1/purchases', { body: { member, amount: 20_000, receiptId, redeemPoints } });
  const setRule = (redeemRequires: string) =>
    api.call('PATCH', '/api/v1/program', {
      body: { redeemRequires },
      headers: { 'content-type': 'application/merge-patch+json' },
    });

  it('refuses a redemption by phone or card number by default and records nothing, but lets them earn', async () => {
    const member = await api.enrol(phone);
    for (const reference of [{ phone }, { card: member.cardNumber }]) {
      const refused = await purchase(reference, `refused-${Object.keys(reference)[0]}`);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ type: '/api/problems/redemption-refused', reason: 'reference-not-allowed' });
    }
    expect(await api.app.db.prisma.purchase.count()).toBe(0);
    expect((await purchase({ phone }, 'earn', 0)).status).toBe(201);
  });

  it('redeems with the one-time code', async () => {
    const member = await api.enrol(phone);
    const { code } = await api.app.points.issueCode(member.id);
    const paid = await purchase({ code }, 'by-code');
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ redeemedPoints: 10 });
  });

  it('lets the card redeem under `card`, and the phone only under `any`', async () => {
    const member = await api.enrol(phone);
    expect((await setRule('card')).status).toBe(200);
    expect((await purchase({ card: member.cardNumber }, 'by-card')).status).toBe(201);
    expect((await purchase({ phone }, 'by-phone')).status).toBe(422);
    await setRule('any');
    expect((await purchase({ phone }, 'by-phone-any')).status).toBe(201);
  });
});
