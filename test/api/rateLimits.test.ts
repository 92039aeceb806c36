// Floods of the REST API: one API key, the admin token, and one address.
import { afterEach, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

const apps: ApiTestApp[] = [];

async function start(env: Record<string, string>): Promise<ApiTestApp> {
  const api = await startApiTestApp('sqlite', env);
  apps.push(api);
  return api;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((api) => api.stop()));
});

const lookup = '/api/v1/members?phone=%2B37369123456';

describe('REST API rate limits', () => {
  it('answers an API key’s flood with 429, Retry-After and problem details, while another key goes on', async () => {
    const api = await start({ API_RATE_LIMIT_PER_MINUTE: '5' });
    const flooding = await api.newApiKey('Till 1');
    const quiet = await api.newApiKey('Till 2');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.call('GET', lookup, { token: flooding.key })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404]);

    const refused = await api.call('GET', lookup, { token: flooding.key });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({
      type: '/api/problems/rate-limited',
      status: 429,
      title: 'Too many requests',
      instance: '/api/v1/members',
      retryAfter: wait,
    });
    expect(refused.body.detail).toContain('with this API key');

    expect((await api.call('GET', lookup, { token: quiet.key })).status).toBe(404);
  });

  it('limits the admin token like any key', async () => {
    const api = await start({ API_RATE_LIMIT_PER_MINUTE: '3' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.call('GET', '/api/v1/program')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits an address however many credentials it tries, before looking them up', async () => {
    const api = await start({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.call('GET', lookup, { token: `guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await api.call('GET', lookup, { token: 'guess-5' });
    expect(refused.body.detail).toContain('from this address');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
