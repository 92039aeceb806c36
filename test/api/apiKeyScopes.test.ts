// What each API key may do: till work, reading only, refunds of its own purchases or of any.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

describeEachProvider('API key scopes', (provider) => {
  let api: ApiTestApp;

  beforeEach(async () => {
    api = await startApiTestApp(provider);
  });

  afterEach(async () => {
    await api.stop();
  });

  const buy = (token: string, member: { cardNumber: string }, receiptId: string) =>
    api.call<{ purchaseId: string }>('POST', '/api/v1/purchases', {
      token,
      body: { member: { card: member.cardNumber }, amount: 10_000, receiptId },
    });
  const refund = (token: string | undefined, purchaseId: string) =>
    api.call('POST', `/api/v1/purchases/${purchaseId}/refund`, token ? { token } : {});

  it('makes keys for the till by default, and shows each key’s scopes', async () => {
    await api.newApiKey('Till 1');
    await api.newApiKey('Reports', ['reports']);
    const { body } = await api.call<{ keys: { name: string; scopes: string[] }[] }>('GET', '/api/v1/api-keys');
    expect(body.keys.map(({ name, scopes }) => [name, scopes])).toEqual([
      ['Till 1', ['till']],
      ['Reports', ['reports']],
    ]);
  });

  it('lets a reports key read a member and their ledger, and nothing a till does', async () => {
    const member = await api.enrol('+37369300101');
    const reports = await api.newApiKey('Reports', ['reports']);
    const read = (path: string) => api.call('GET', path, { token: reports.key });
    expect((await read(`/api/v1/members/${member.id}`)).status).toBe(200);
    expect((await read(`/api/v1/members/${member.id}/ledger`)).status).toBe(200);
    const lookUp = await read(`/api/v1/members?card=${member.cardNumber}`);
    expect(lookUp.status).toBe(403);
    expect(lookUp.body).toMatchObject({ type: '/api/problems/forbidden' });
    const purchase = await api.call('POST', '/api/v1/purchases', {
      token: reports.key,
      body: { member: { card: member.cardNumber }, amount: 10_000, receiptId: 'r-1' },
    });
    expect(purchase.status).toBe(403);
    expect(await api.app.db.prisma.purchase.count()).toBe(0);
  });

  it('refunds a purchase only for the key that recorded it, the admin token or an any-refund key', async () => {
    const member = await api.enrol('+37369300102');
    const [till1, till2] = [await api.newApiKey('Till 1'), await api.newApiKey('Till 2')];
    const office = await api.newApiKey('Back office', ['till', 'any-refund']);
    const first = (await buy(till1.key, member, 'r-1')).body.purchaseId;
    const second = (await buy(till1.key, member, 'r-2')).body.purchaseId;
    const third = (await buy(till1.key, member, 'r-3')).body.purchaseId;
    const balance = (await api.call<{ balance: number }>('GET', `/api/v1/members/${member.id}`)).body.balance;

    const refused = await refund(till2.key, first);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: '/api/problems/refund-forbidden' });
    expect((await api.call<{ balance: number }>('GET', `/api/v1/members/${member.id}`)).body.balance).toBe(balance);
    expect(await api.app.db.prisma.purchase.count({ where: { refundedAt: { not: null } } })).toBe(0);

    expect((await refund(till1.key, first)).status).toBe(200);
    expect((await refund(office.key, second)).status).toBe(200);
    expect((await refund(undefined, third)).status).toBe(200);
  });

  it('binds a code looked up by one key to that key: another till cannot spend it', async () => {
    const member = await api.enrol('+37369300103');
    const [till1, till2] = [await api.newApiKey('Till 1'), await api.newApiKey('Till 2')];
    const { code } = await api.app.points.issueCode(member.id);
    expect((await api.call('GET', `/api/v1/members?code=${code}`, { token: till1.key })).status).toBe(200);
    expect((await api.call('GET', `/api/v1/members?code=${code}`, { token: till2.key })).status).not.toBe(200);
    const stolen = await api.call('POST', '/api/v1/purchases', {
      token: till2.key,
      body: { member: { code }, amount: 10_000, receiptId: 'r-stolen' },
    });
    expect(stolen.status).toBe(422);
    expect(await api.app.db.prisma.purchase.count()).toBe(0);
    const own = await api.call('POST', '/api/v1/purchases', {
      token: till1.key,
      body: { member: { code }, amount: 10_000, receiptId: 'r-own' },
    });
    expect(own.status).toBe(201);
  });
});
