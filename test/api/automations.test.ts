// Automatic messages through the REST API, as the console uses them: every
// one listed beside the built-in birthday and expiry messages, written and
// switched with a PUT that keeps what it is given, shown among the campaigns
// with the trigger that sends it, refused with the field named when it could
// not be meant; and the programme's clock, which their days are counted on.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

// 01:30 on 3 December in Chisinau (UTC+2), still 2 December in UTC: the programme's day is not UTC's.
const NOW = new Date('2026-12-02T23:30:00Z');

type Automation = { kind: string; enabled: boolean; saved: boolean; days: number | null; messages: object };
type Listed = { automations: Automation[]; builtIn: Array<{ kind: string; texts: Record<string, string> }> };
type Problem = { type: string; errors?: Array<{ pointer: string }> };

describeEachProvider('automatic messages API', (provider) => {
  let api: ApiTestApp;
  const listed = async () => (await api.call<Listed>('GET', '/api/v1/automations')).body;

  beforeAll(async () => {
    api = await startApiTestApp(provider, { WELCOME_BONUS_POINTS: '0' }, () => NOW);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('lists every automatic message off and unwritten at first, beside the built-in ones with their texts', async () => {
    const { automations, builtIn } = await listed();
    expect(automations.map((one) => [one.kind, one.enabled, one.saved, one.days])).toEqual([
      ['welcome-0', false, false, null],
      ['welcome-3', false, false, null],
      ['welcome-7', false, false, null],
      ['win-back', false, false, 60],
      ['anniversary', false, false, null],
    ]);
    expect(builtIn.map((one) => one.kind)).toEqual(['birthday', 'expiry']);
    expect(builtIn[0]!.texts.en).toContain('{name}');
    const stats = await api.call<Problem>('GET', '/api/v1/automations/welcome-0/stats');
    expect(stats.status).toBe(404);
    expect(stats.body.type).toBe('/api/problems/automation-not-found');
  });

  it('writes win-back with its days, shows it among the campaigns with its trigger, and audits it', async () => {
    const put = await api.call<Automation>('PUT', '/api/v1/automations/win-back', {
      body: { enabled: true, days: 30, messages: { en: '{name}, we miss you!' } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ kind: 'win-back', enabled: true, saved: true, days: 30 });

    const segment = await api.call<{ id: string }>('POST', '/api/v1/segments', {
      body: { name: 'Everyone', filters: {} },
    });
    const campaign = await api.call<{ id: string; trigger: string | null }>('POST', '/api/v1/campaigns', {
      body: { name: 'December offer', segmentId: segment.body.id, messages: { en: 'Hello, {name}.' } },
    });
    expect(campaign.status).toBe(201);
    expect(campaign.body.trigger).toBeNull();
    const campaigns = (
      await api.call<{ campaigns: Array<{ name: string; trigger: string | null }> }>('GET', '/api/v1/campaigns')
    ).body.campaigns;
    expect(campaigns.map((one) => [one.name, one.trigger]).sort()).toEqual([
      ['December offer', null],
      ['win-back', 'win-back'],
    ]);

    const stats = await api.call<{ sent: number }>('GET', '/api/v1/automations/win-back/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.sent).toBe(0);
    const audit = await api.call<{ entries: Array<{ action: string }> }>(
      'GET',
      `/api/v1/audit?subject=${encodeURIComponent('automation:win-back')}`,
    );
    expect(audit.body.entries.map((entry) => entry.action)).toEqual(['automation.saved']);
  });

  it('refuses what could not be meant, naming the field, and changes nothing', async () => {
    const before = await listed();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['win-back', { enabled: true, days: 3, messages: { en: 'Hi' } }, '/days'],
      ['win-back', { enabled: true, messages: {} }, '/messages'],
      ['anniversary', { enabled: 'yes', messages: { en: 'Hi' } }, '/enabled'],
      ['anniversary', { enabled: true, messages: { en: 'Hi {nmae}' } }, '/messages/en'],
    ];
    for (const [kind, body, pointer] of cases) {
      const response = await api.call<Problem>('PUT', `/api/v1/automations/${kind}`, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors?.map((error) => error.pointer)).toContain(pointer);
    }
    const unknown = await api.call<Problem>('PUT', '/api/v1/automations/welcome-1', {
      body: { enabled: true, messages: { en: 'Hi' } },
    });
    expect(unknown.status).toBe(400);
    expect(await listed()).toEqual(before);
  });

  it('reads the programme’s clock: its zone, and the day and time on it', async () => {
    const clock = await api.call('GET', '/api/v1/program/clock');
    expect(clock.status).toBe(200);
    expect(clock.body).toEqual({
      timezone: 'Europe/Chisinau',
      now: '2026-12-03T01:30:00+02:00',
      today: '2026-12-03',
      utcOffsetMinutes: 120,
      defaultLocale: 'ru',
    });
    expect((await api.call('GET', '/api/v1/program/clock', { token: null })).status).toBe(401);
  });
});
