// Guessing one-time codes through the REST API: failed look-ups count per API key, in the database.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

describeEachProvider('failed code look-ups', (provider) => {
  let api: ApiTestApp;
  let now = new Date('2026-03-10T10:00:00Z');

  beforeEach(async () => {
    now = new Date('2026-03-10T10:00:00Z');
    api = await startApiTestApp(provider, {}, () => now);
  });

  afterEach(async () => {
    await api.stop();
  });

  /** A member and a live code, and a code that is certainly not it. */
  async function memberWithCode() {
    const member = await api.enrol('+37369200101');
    const { code } = await api.app.points.issueCode(member.id);
    return { member, code, wrong: code === '000000' ? '000001' : '000000' };
  }

  it('answers 429 with Retry-After after ten wrong codes from a key, even for the right code; other keys go on', async () => {
    const { member, code, wrong } = await memberWithCode();
    const guessing = await api.newApiKey('Till 1');
    const other = await api.newApiKey('Till 2');
    const statuses = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await api.call('GET', `/api/v1/members?code=${wrong}`, { token: guessing.key })).status);
    expect(statuses).toEqual(Array(10).fill(404));

    const refused = await api.call('GET', `/api/v1/members?code=${code}`, { token: guessing.key });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ type: '/api/problems/rate-limited', status: 429, retryAfter: wait });

    expect((await api.call('GET', `/api/v1/members?code=${code}`, { token: other.key })).body.id).toBe(member.id);
    now = new Date(now.getTime() + 61_000);
    const fresh = (await api.app.points.issueCode(member.id)).code;
    expect((await api.call('GET', `/api/v1/members?code=${fresh}`, { token: guessing.key })).status).toBe(200);
  });

  it('counts wrong codes in purchases too, and refuses the purchase without recording it', async () => {
    const { code, wrong } = await memberWithCode();
    const till = await api.newApiKey('Till 1');
    const purchase = (value: string, receiptId: string) =>
      api.call('POST', '/api/v1/purchases', {
        token: till.key,
        body: { member: { code: value }, amount: 10_000, receiptId },
      });
    for (let i = 0; i < 10; i++) expect((await purchase(wrong, `r-${i}`)).status).toBe(422);
    const refused = await purchase(code, 'r-right');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await api.app.db.prisma.purchase.count()).toBe(0);
  });

  it('does not count look-ups by card number or phone as code guesses', async () => {
    const { member, code } = await memberWithCode();
    const till = await api.newApiKey('Till 1');
    for (let i = 0; i < 11; i++) await api.call('GET', '/api/v1/members?card=000000000000', { token: till.key });
    expect((await api.call('GET', `/api/v1/members?code=${code}`, { token: till.key })).body.id).toBe(member.id);
  });
});

describeEachProvider('look-ups by phone', (provider) => {
  let api: ApiTestApp;

  beforeEach(async () => {
    api = await startApiTestApp(provider, { API_PHONE_LOOKUPS_PER_MINUTE: '3' });
  });

  afterEach(async () => {
    await api.stop();
  });

  it('are limited per key, found or not, and answer no card number; a look-up by card does', async () => {
    const member = await api.enrol('+37369200201');
    const till = await api.newApiKey('Till 1');
    const byPhone = (phone: string) =>
      api.call('GET', `/api/v1/members?phone=${encodeURIComponent(phone)}`, { token: till.key });
    const found = await byPhone('+37369200201');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: member.id, balance: 100 });
    expect(found.body).not.toHaveProperty('cardNumber');
    expect((await byPhone('+37369200202')).status).toBe(404);
    expect((await byPhone('+37369200203')).status).toBe(404);
    const refused = await byPhone('+37369200201');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);

    const byCard = await api.call('GET', `/api/v1/members?card=${member.cardNumber}`, { token: till.key });
    expect(byCard.body).toMatchObject({ cardNumber: member.cardNumber });
  });
});
