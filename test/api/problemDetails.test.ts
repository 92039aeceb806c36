import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

let api: ApiTestApp;

beforeAll(async () => {
  api = await startApiTestApp();
});

afterAll(async () => {
  await api.stop();
});

function expectProblem(
  response: { status: number; headers: Headers; body: Record<string, unknown> },
  status: number,
  kind: string,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({
      type: `/api/problems/${kind}`,
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.stringMatching(/^\/api\//),
    }),
  );
}

describe('errors as RFC 9457 problem details', () => {
  it('reports every invalid field of a request at once, with JSON pointers', async () => {
    const response = await api.call<Record<string, unknown> & { errors: unknown[] }>('POST', '/api/v1/purchases', {
      body: { member: { card: '1234' }, amount: 12.5, receiptId: '' },
    });
    expectProblem(response, 400, 'validation');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'body', pointer: '/member/card' }),
        expect.objectContaining({ location: 'body', pointer: '/amount' }),
        expect.objectContaining({ location: 'body', pointer: '/receiptId' }),
      ]),
    );
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const response = await api.call('POST', '/api/v1/members', {
      body: { phone: '+37369123456', name: 'Ana', locale: 'ro', consent: true, email: 'a@b.c' },
    });
    expectProblem(response, 400, 'validation');
    expect(response.body.detail).toContain('email');
  });

  it('turns unreadable JSON into a problem', async () => {
    const response = await api.call('POST', '/api/v1/purchases', { body: '{"amount": ' });
    expectProblem(response, 400, 'malformed-request');
  });

  it('turns a body that is not JSON into a 415 problem', async () => {
    const response = await api.call('POST', '/api/v1/purchases', {
      body: 'amount=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(response, 415, 'unsupported-media-type');
  });

  it('turns a missing body into a validation problem', async () => {
    const response = await api.call('POST', '/api/v1/purchases');
    expectProblem(response, 400, 'validation');
  });

  it('answers unknown routes under /api with a 404 problem', async () => {
    expectProblem(await api.call('GET', '/api/v1/nothing-here'), 404, 'not-found');
    expectProblem(await api.call('PATCH', '/api/v1/members'), 404, 'not-found');
    expectProblem(await api.call('GET', '/api/v2/members', { token: null }), 404, 'not-found');
  });

  it('turns a path value the router will not look up into a problem: too long is 414, broken encoding 400', async () => {
    expectProblem(await api.call('GET', `/api/v1/members/${'1'.repeat(101)}`), 414, 'uri-too-long');
    const broken = await api.call<Record<string, unknown> & { errors: unknown[] }>('GET', '/api/v1/members/%E0%A4%A');
    expectProblem(broken, 400, 'validation');
    expect(broken.body.errors).toEqual([expect.objectContaining({ location: 'path', reason: 'wrong-format' })]);
  });

  it('refuses an Idempotency-Key that is not a plain token', async () => {
    const response = await api.call('POST', '/api/v1/api-keys', {
      body: { name: 'x' },
      headers: { 'idempotency-key': 'ä'.repeat(3) },
    });
    expectProblem(response, 400, 'validation');
  });

  it('leaves the query out of `instance`, since it may carry a phone number', async () => {
    const response = await api.call('GET', '/api/v1/members?phone=%2B37369000999');
    expectProblem(response, 404, 'member-not-found');
    expect(response.body.instance).toBe('/api/v1/members');
  });

  it('leaves the rest of the server alone: the health check still answers plain JSON', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
    const broken = await fetch(`${api.url}/webchat/%E0%A4%A`);
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
