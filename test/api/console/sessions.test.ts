// Signing in to the console through the REST API: the owner, set-up links, roles, CSRF and sessions that end.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from '../support/apiTestApp.ts';
import { asUser, createOwner, invite, OWNER, signIn } from './consoleSupport.ts';

describeEachProvider('console sessions', (provider) => {
  let api: ApiTestApp;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-03-10T10:00:00Z');
    api = await startApiTestApp(provider, {}, () => now);
  });

  afterEach(async () => {
    await api.stop();
  });

  it('makes the first owner with the admin token, signed in by an HttpOnly SameSite=Strict cookie, once', async () => {
    const response = await api.call('POST', '/api/v1/owner', { body: OWNER });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/loyalty_session=[^;]+;.*HttpOnly/i);
    expect(response.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect(response.body).toMatchObject({ account: { email: 'owner@shop.md', role: 'owner', locale: 'ro' } });
    const owner = asUser(api, response);
    expect((await owner.call('GET', '/api/v1/session')).body).toMatchObject({ account: { name: OWNER.name } });
    expect((await api.call('POST', '/api/v1/owner', { body: { ...OWNER, email: 'b@shop.md' } })).status).toBe(409);
  });

  it('answers a wrong password and an unknown email alike, and waits after five failures, even for the right one', async () => {
    await createOwner(api);
    const wrong = await signIn(api, OWNER.email, 'not the password');
    const unknown = await signIn(api, 'nobody@shop.md', 'not the password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 0; i < 4; i++) await signIn(api, OWNER.email, 'still wrong');
    const refused = await signIn(api, OWNER.email, OWNER.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await signIn(api, 'OWNER@shop.md', OWNER.password)).status).toBe(201);
  });

  it('refuses a change made with the cookie alone, without the CSRF token, and changes nothing', async () => {
    const owner = await createOwner(api);
    const forged = await api.call('PUT', '/api/v1/session/locale', {
      token: null,
      body: { locale: 'ru' },
      headers: { cookie: owner.cookie },
    });
    expect(forged.status).toBe(403);
    expect((await owner.call('GET', '/api/v1/session')).body).toMatchObject({ account: { locale: 'ro' } });
    expect((await owner.call('PUT', '/api/v1/session/locale', { locale: 'ru' })).body).toMatchObject({
      account: { locale: 'ru' },
    });
  });

  it('lets each role do what it may and no more, through the API', async () => {
    const owner = await createOwner(api);
    const marketer = await invite(api, owner, 'marketer', 'maria@shop.md');
    const viewer = await invite(api, owner, 'viewer', 'victor@shop.md');
    const support = await invite(api, owner, 'support', 'sofia@shop.md');
    expect((await marketer.call('GET', '/api/v1/program')).status).toBe(200);
    expect((await marketer.call('PATCH', '/api/v1/program', { birthdayBonus: 5 })).status).not.toBe(403);
    expect((await marketer.call('GET', '/api/v1/accounts')).status).toBe(403);
    expect((await viewer.call('GET', '/api/v1/program')).status).toBe(403);
    expect((await support.call('GET', '/api/v1/program')).status).toBe(403);
    expect((await viewer.call('GET', '/api/v1/session')).body).toMatchObject({ permissions: ['reports'] });
    expect((await owner.call('GET', '/api/v1/accounts')).body.accounts).toHaveLength(4);
  });

  it('ends a session on sign-out, after an hour idle, on a password change, and when the account is disabled', async () => {
    const owner = await createOwner(api);
    expect((await owner.call('DELETE', '/api/v1/session')).status).toBe(200);
    expect((await owner.call('GET', '/api/v1/session')).status).toBe(401);

    const again = asUser(api, await signIn(api, OWNER.email, OWNER.password));
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await again.call('GET', '/api/v1/session')).status).toBe(401);

    const here = asUser(api, await signIn(api, OWNER.email, OWNER.password));
    const elsewhere = asUser(api, await signIn(api, OWNER.email, OWNER.password));
    const changed = await here.call('POST', '/api/v1/session/password', {
      currentPassword: OWNER.password,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(200);
    expect((await here.call('GET', '/api/v1/session')).status).toBe(200);
    expect((await elsewhere.call('GET', '/api/v1/session')).status).toBe(401);

    const maria = await invite(api, here, 'marketer', 'maria@shop.md');
    const { body } = await here.call<{ accounts: { id: string; email: string }[] }>('GET', '/api/v1/accounts');
    const mariaId = body.accounts.find((account) => account.email === 'maria@shop.md')!.id;
    expect((await here.call('POST', `/api/v1/accounts/${mariaId}/disable`)).status).toBe(200);
    expect((await maria.call('GET', '/api/v1/session')).status).toBe(401);
  });

  it('uses a set-up link once, and keeps the console from losing its last owner', async () => {
    const owner = await createOwner(api);
    const created = await owner.call<{ setupUrl: string }>('POST', '/api/v1/accounts', {
      name: 'Maria',
      email: 'maria@shop.md',
      role: 'marketer',
      locale: 'ro',
    });
    expect(created.body.setupUrl).toMatch(/\/admin\/#\/setup\/[\w-]{20,}$/);
    const token = created.body.setupUrl.split('/setup/')[1]!;
    const body = { token, password: 'maria password 1' };
    expect((await api.call('POST', '/api/v1/account-setup', { token: null, body })).status).toBe(201);
    expect((await api.call('POST', '/api/v1/account-setup', { token: null, body })).status).toBe(422);

    const { body: list } = await owner.call<{ accounts: { id: string; role: string }[] }>('GET', '/api/v1/accounts');
    const ownerId = list.accounts.find((account) => account.role === 'owner')!.id;
    expect((await owner.call('PUT', `/api/v1/accounts/${ownerId}/role`, { role: 'viewer' })).status).toBe(409);
    expect((await owner.call('POST', `/api/v1/accounts/${ownerId}/disable`)).status).toBe(409);
  });

  it('records account changes in the audit log, who and what', async () => {
    const owner = await createOwner(api);
    now = new Date(now.getTime() + 1000);
    await invite(api, owner, 'support', 'sofia@shop.md');
    const { body } = await owner.call<{ entries: { actor: string; action: string }[] }>('GET', '/api/v1/audit');
    expect(body.entries.map((entry) => entry.action)).toEqual([
      'account.password-set',
      'account.created',
      'account.created',
    ]);
    expect(body.entries[1]!.actor).toMatch(/^account:/);
  });

  it('records API keys and cashier grants made or revoked, with the credential that did it', async () => {
    const key = await api.newApiKey('Till 9');
    now = new Date(now.getTime() + 1000);
    await api.call('DELETE', `/api/v1/api-keys/${key.id}`);
    now = new Date(now.getTime() + 1000);
    const grant = await api.call<{ id: string }>('POST', '/api/v1/staff', {
      body: { channel: 'telegram', address: '4242', name: 'Ion', role: 'cashier' },
    });
    now = new Date(now.getTime() + 1000);
    await api.call('DELETE', `/api/v1/staff/${grant.body.id}`);
    const { body } = await api.call<{ entries: { actor: string; action: string; subject: string }[] }>(
      'GET',
      '/api/v1/audit',
    );
    expect(body.entries.map(({ actor, action, subject }) => [actor, action, subject])).toEqual([
      ['admin', 'staff.revoked', `staff:${grant.body.id}`],
      ['admin', 'staff.granted', `staff:${grant.body.id}`],
      ['admin', 'api-key.revoked', `key:${key.id}`],
      ['admin', 'api-key.created', `key:${key.id}`],
    ]);
  });
});
