import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCardNumber } from '../../core/members/cardNumber.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

let api: ApiTestApp;

beforeAll(async () => {
  api = await startApiTestApp('sqlite', { WELCOME_BONUS_POINTS: '150' });
});

afterAll(async () => {
  await api.stop();
});

describe('enrolment at the till', () => {
  it('issues a card with a valid check digit and the welcome bonus', async () => {
    const response = await api.call('POST', '/api/v1/members', {
      body: { phone: '069200001', name: '  Ana   Popescu ', locale: 'ro', consent: true },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Ana Popescu',
      balance: 150,
      tier: 'bronze',
      discountPercent: 0,
      stamps: 0,
      locale: 'ro',
    });
    expect(isValidCardNumber(response.body.cardNumber as string)).toBe(true);
    const ledger = await api.call<{ entries: { kind: string; delta: number }[] }>(
      'GET',
      `/api/v1/members/${response.body.id}/ledger`,
    );
    expect(ledger.body.entries).toEqual([expect.objectContaining({ kind: 'welcome', delta: 150, balanceAfter: 150 })]);
  });

  it('stores nothing without consent and says so with a 422', async () => {
    const response = await api.call('POST', '/api/v1/members', {
      body: { phone: '+37369200002', name: 'Ion', locale: 'ru', consent: false },
    });
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('/api/problems/consent-required');
    expect((await api.call('GET', '/api/v1/members?phone=%2B37369200002')).status).toBe(404);
  });

  it('answers 409 for a phone already registered, without telling whose it is', async () => {
    const first = await api.enrol('+37369200003');
    const response = await api.call('POST', '/api/v1/members', {
      body: { phone: '069200003', name: 'Someone Else', locale: 'en', consent: true },
    });
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/api/problems/phone-taken');
    expect(JSON.stringify(response.body)).not.toContain(first.id);
    expect(JSON.stringify(response.body)).not.toContain(first.cardNumber);
  });

  it('refuses a phone that is not a number and a name that is not a name, field by field', async () => {
    const response = await api.call<{ errors: { pointer: string }[] }>('POST', '/api/v1/members', {
      body: { phone: '12345', name: 'R2D2', locale: 'de', consent: true },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.pointer).sort()).toEqual(['/locale', '/name', '/phone']);
  });

  it('gives the same member again for a retried enrolment with the same Idempotency-Key', async () => {
    const body = { phone: '+37369200004', name: 'Maria', locale: 'ru', consent: true };
    const first = await api.call('POST', '/api/v1/members', { body, idempotencyKey: 'enrol-4' });
    const retry = await api.call('POST', '/api/v1/members', { body, idempotencyKey: 'enrol-4' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('looking a member up', () => {
  it('finds a member by phone in national or international form', async () => {
    const member = await api.enrol('+37369200010');
    for (const phone of ['+37369200010', '069200010', '+373 69 200 010']) {
      const response = await api.call('GET', `/api/v1/members?phone=${encodeURIComponent(phone)}`);
      expect(response.status, phone).toBe(200);
      expect(response.body).toMatchObject({
        id: member.id,
        name: 'Ana Popescu',
        balance: 150,
        tier: 'bronze',
        discountPercent: 0,
        stamps: 0,
        stampsEvery: 6,
      });
      expect(response.body).not.toHaveProperty('phone');
    }
  });

  it('finds a member by card number, with or without the printed spaces', async () => {
    const member = await api.enrol('+37369200011');
    const spaced = member.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
    for (const card of [member.cardNumber, spaced]) {
      const response = await api.call('GET', `/api/v1/members?card=${encodeURIComponent(card)}`);
      expect(response.body.id).toBe(member.id);
    }
  });

  it('catches a mistyped card number by its check digit before any lookup', async () => {
    const member = await api.enrol('+37369200012');
    const last = Number(member.cardNumber.at(-1));
    const typo = member.cardNumber.slice(0, -1) + String((last + 1) % 10);
    const response = await api.call<{ errors: { pointer: string; detail: string }[] }>(
      'GET',
      `/api/v1/members?card=${typo}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ pointer: '/card', detail: expect.stringContaining('check digit') });
  });

  it('finds a member by a one-time code without using the code up', async () => {
    const member = await api.enrol('+37369200013');
    const { code } = await api.app.points.issueCode(member.id);
    expect((await api.call('GET', `/api/v1/members?code=${code}`)).body.id).toBe(member.id);
    expect((await api.call('GET', `/api/v1/members?code=${code}`)).body.id).toBe(member.id);
  });

  it('answers 404 for nobody and 400 for no criterion or two', async () => {
    expect((await api.call('GET', '/api/v1/members?phone=%2B37369200099')).status).toBe(404);
    expect((await api.call('GET', '/api/v1/members')).status).toBe(400);
    expect((await api.call('GET', '/api/v1/members?phone=%2B37369200010&code=123456')).status).toBe(400);
    expect((await api.call('GET', '/api/v1/members?email=a%40b.c')).status).toBe(400);
  });

  it('reads one member by id, and answers 404 for an unknown id', async () => {
    const member = await api.enrol('+37369200014');
    expect((await api.call('GET', `/api/v1/members/${member.id}`)).body).toMatchObject({ id: member.id, balance: 150 });
    expect((await api.call('GET', '/api/v1/members/nobody')).body.type).toBe('/api/problems/member-not-found');
  });
});

describe("a member's ledger", () => {
  it('pages newest first with a stable cursor', async () => {
    const member = await api.enrol('+37369200020');
    for (let i = 1; i <= 4; i++) {
      await api.call('POST', '/api/v1/purchases', {
        body: { member: { card: member.cardNumber }, amount: 10_000 * i, receiptId: `ledger-${i}` },
      });
    }
    type Page = { entries: { seq: number; kind: string; delta: number }[]; nextBefore: number | null };
    const first = await api.call<Page>('GET', `/api/v1/members/${member.id}/ledger?limit=2`);
    expect(first.body.entries.map((e) => e.seq)).toEqual([5, 4]);
    expect(first.body.entries[0]).toMatchObject({ kind: 'purchase', delta: 12 });
    const second = await api.call<Page>(
      'GET',
      `/api/v1/members/${member.id}/ledger?limit=2&before=${first.body.nextBefore}`,
    );
    expect(second.body.entries.map((e) => e.seq)).toEqual([3, 2]);
    const last = await api.call<Page>(
      'GET',
      `/api/v1/members/${member.id}/ledger?limit=2&before=${second.body.nextBefore}`,
    );
    expect(last.body).toMatchObject({
      entries: [expect.objectContaining({ seq: 1, kind: 'welcome' })],
      nextBefore: null,
    });
  });

  it('refuses a limit out of range and answers 404 for an unknown member', async () => {
    const member = await api.enrol('+37369200021');
    expect((await api.call('GET', `/api/v1/members/${member.id}/ledger?limit=0`)).status).toBe(400);
    expect((await api.call('GET', `/api/v1/members/${member.id}/ledger?limit=101`)).status).toBe(400);
    expect((await api.call('GET', '/api/v1/members/nobody/ledger')).status).toBe(404);
  });
});
