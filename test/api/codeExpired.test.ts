import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

let api: ApiTestApp;
let now = new Date('2026-05-01T09:00:00Z');

beforeAll(async () => {
  api = await startApiTestApp('sqlite', {}, () => now);
});

afterAll(async () => {
  await api.stop();
});

describe('a one-time code that expired or was used', () => {
  it('answers code-expired to a lookup by an expired code, not “No such member”', async () => {
    const member = await api.enrol('+37369300001');
    const { code } = await api.app.points.issueCode(member.id);
    now = new Date(now.getTime() + 60 * 60_000);
    const response = await api.call('GET', `/api/v1/members?code=${code}`);
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('/api/problems/code-expired');
  });

  it('answers the same code-expired to a purchase with a code already used', async () => {
    const member = await api.enrol('+37369300002');
    const { code } = await api.app.points.issueCode(member.id);
    const purchase = (receiptId: string) =>
      api.call('POST', '/api/v1/purchases', { body: { member: { code }, amount: 5_000, receiptId } });
    expect((await purchase('code-used-1')).status).toBe(201);
    const second = await purchase('code-used-2');
    expect(second.status).toBe(422);
    expect(second.body.type).toBe('/api/problems/code-expired');
    const lookup = await api.call('GET', `/api/v1/members?code=${code}`);
    expect(lookup.body.type).toBe('/api/problems/code-expired');
  });

  it('still answers “No such member” for a code nobody was ever given', async () => {
    const response = await api.call('GET', '/api/v1/members?code=000000');
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('/api/problems/member-not-found');
  });

  it('documents code-expired in the OpenAPI document for both routes', async () => {
    const document = JSON.stringify((await api.call('GET', '/api/openapi.json')).body);
    expect(document.match(/\/api\/problems\/code-expired/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
