import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

let api: ApiTestApp;

beforeAll(async () => {
  api = await startApiTestApp();
});

afterAll(async () => {
  await api.stop();
});

describe('authentication of the REST API', () => {
  it('refuses a request without an Authorization header with a 401 problem and a Bearer challenge', async () => {
    const response = await api.call('GET', '/api/v1/members?phone=%2B37369123456', { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ type: '/api/problems/unauthorized', status: 401 });
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await api.call('GET', '/api/v1/api-keys', {
      token: null,
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expect(response.status).toBe(401);
  });

  it('refuses an unknown key', async () => {
    const response = await api.call('GET', '/api/v1/members?phone=%2B37369123456', { token: 'lk_not-a-key' });
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('/api/problems/unauthorized');
  });

  it('accepts an API key on the till routes', async () => {
    const { key } = await api.newApiKey();
    const member = await api.enrol('+37369000101');
    const response = await api.call('GET', `/api/v1/members/${member.id}`, { token: key });
    expect(response.status).toBe(200);
  });

  it('refuses an API key on admin routes with 403', async () => {
    const { key } = await api.newApiKey();
    for (const [method, path] of [
      ['GET', '/api/v1/program'],
      ['POST', '/api/v1/api-keys'],
      ['GET', '/api/v1/staff'],
      ['DELETE', '/api/v1/api-keys/x'],
    ] as const) {
      const response = await api.call(method, path, {
        token: key,
        body: method === 'POST' ? { name: 'x' } : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.type).toBe('/api/problems/forbidden');
    }
  });

  it('refuses a revoked key at once, and revoking twice keeps the first time', async () => {
    const { id, key } = await api.newApiKey();
    expect((await api.call('GET', '/api/v1/members?phone=%2B37369000102', { token: key })).status).toBe(404);
    const first = await api.call('DELETE', `/api/v1/api-keys/${id}`);
    expect(first.status).toBe(200);
    expect(first.body.revokedAt).toEqual(expect.any(String));
    expect((await api.call('GET', '/api/v1/members?phone=%2B37369000102', { token: key })).status).toBe(401);
    const again = await api.call('DELETE', `/api/v1/api-keys/${id}`);
    expect(again.body.revokedAt).toBe(first.body.revokedAt);
  });

  it('answers 404 for revoking a key that does not exist', async () => {
    const response = await api.call('DELETE', '/api/v1/api-keys/no-such-key');
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('/api/problems/api-key-not-found');
  });

  it('shows the key once and keeps only its SHA-256', async () => {
    const { id, key } = await api.newApiKey('Shop 2');
    expect(key).toMatch(/^lk_[\w-]{43}$/);
    const rows = await api.app.db.prisma.apiKey.findMany({ where: { id } });
    expect(rows[0]!.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(key);
    const listed = await api.call<{ keys: Record<string, unknown>[] }>('GET', '/api/v1/api-keys');
    expect(listed.body.keys.find((k) => k.id === id)).toMatchObject({ name: 'Shop 2', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(key);
  });

  it('records when a key was last used', async () => {
    const { id, key } = await api.newApiKey();
    await api.call('GET', '/api/v1/members?phone=%2B37369000103', { token: key });
    const listed = await api.call<{ keys: Record<string, unknown>[] }>('GET', '/api/v1/api-keys');
    expect(listed.body.keys.find((k) => k.id === id)!.lastUsedAt).toEqual(expect.any(String));
  });
});
