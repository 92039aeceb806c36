// The stages, quadrant and RFM reports over real HTTP, after a scoring run
// asked for through the API, on four members worked out by hand.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';
import { addAnswer, addMember, addPurchase } from '../core/scoring/support/scoringRows.ts';

const NOW = new Date('2026-06-15T09:00:00Z');
const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

describeEachProvider('the score reports API', (provider) => {
  let api: ApiTestApp;
  beforeAll(async () => {
    // No scheduler: the scores come from the run this test asks for.
    api = await startApiTestApp(provider, { JOBS_INTERVAL_SECONDS: '0' }, () => NOW);
    const db = api.app.db;
    const joined = day('2025-01-01');
    const [, b, c, d] = [
      await addMember(db, joined),
      await addMember(db, joined),
      await addMember(db, joined),
      await addMember(db, joined),
    ];
    await addPurchase(db, b!, day('2026-06-01'), 10_000);
    await addAnswer(db, b!, 'nps', 9, day('2026-06-03'));
    for (const at of ['2026-03-10', '2026-03-20']) await addPurchase(db, c!, day(at), 5_000);
    await addAnswer(db, c!, 'csat', 2, day('2026-04-01'));
    for (const at of ['03-05', '03-06', '04-05', '04-06', '05-09', '05-20'])
      await addPurchase(db, d!, day(`2026-${at}`), 4_000);
    await addAnswer(db, d!, 'nps', 10, day('2026-05-21'));
  });
  afterAll(() => api.stop());

  describe('before and after a run on demand', () => {
    it('says nothing was scored yet, then scores in the background', async () => {
      expect((await api.call('GET', '/api/v1/reports/rfm')).body).toMatchObject({ scoredOn: null, withoutPurchase: 0 });
      const refresh = await api.call('POST', '/api/v1/reports/scores/refresh');
      expect(refresh.status).toBe(202);
      expect(refresh.body).toEqual({ started: true, scoredOn: null });
      await vi.waitFor(
        async () => expect((await api.call('GET', '/api/v1/reports/stages')).body.scoredOn).toBe('2026-06-15'),
        {
          timeout: 10_000,
        },
      );
    });
  });

  it('shows the funnel with the conversion between stages, and the month’s trend', async () => {
    const response = await api.call('GET', '/api/v1/reports/stages?from=2026-01-01&to=2026-06-30');
    expect(response.status).toBe(200);
    expect(response.body.stages).toEqual([
      { stage: 1, members: 1, reached: 4, conversion: null },
      { stage: 2, members: 1, reached: 3, conversion: 0.75 },
      { stage: 3, members: 1, reached: 2, conversion: 0.666667 },
      { stage: 4, members: 0, reached: 1, conversion: 0.5 },
      { stage: 5, members: 1, reached: 1, conversion: 1 },
    ]);
    const trend = response.body.trend as Array<{ month: string; members: Record<string, number> }>;
    expect(trend.map((month) => month.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(trend.at(-1)).toEqual({ month: '2026-06', members: { 1: 1, 2: 1, 3: 1, 4: 0, 5: 1 } });
    expect(response.body.attachment).toEqual({ purchasesPerMonth: 2, months: 3 });
  });

  it('leaves months outside the range out of the trend', async () => {
    const response = await api.call('GET', '/api/v1/reports/stages?from=2024-01-01&to=2024-12-31');
    expect(response.body.trend).toEqual([]);
  });

  it('shows the loyalty square with shares of the members who answered and a scatter without names', async () => {
    const response = await api.call<{ cells: unknown[]; unanswered: number; sample: Record<string, unknown>[] }>(
      'GET',
      '/api/v1/reports/quadrant',
    );
    expect(response.body.cells).toEqual([
      { quadrant: 'true', members: 1, share: 0.333333 },
      { quadrant: 'latent', members: 1, share: 0.333333 },
      { quadrant: 'false', members: 1, share: 0.333333 },
      { quadrant: 'none', members: 0, share: 0 },
    ]);
    expect(response.body.unanswered).toBe(1);
    expect(response.body.sample).toHaveLength(3);
    expect(response.body.sample).toContainEqual({
      purchasesPerMonth: 0.5,
      emotionalScore: 10,
      source: 'nps',
      quadrant: 'true',
    });
    expect(Object.keys(response.body.sample[0]!).sort()).toEqual([
      'emotionalScore',
      'purchasesPerMonth',
      'quadrant',
      'source',
    ]);
  });

  it('shows each RFM segment with its members and its share of revenue', async () => {
    const response = await api.call<{ segments: Array<{ segment: string; members: number }> }>(
      'GET',
      '/api/v1/reports/rfm',
    );
    const filled = response.body.segments.filter((row) => row.members > 0);
    expect(filled).toEqual([
      { segment: 'promising', members: 1, memberShare: 0.333333, revenueShare: 0.227273 },
      { segment: 'at-risk', members: 1, memberShare: 0.333333, revenueShare: 0.545455 },
      { segment: 'lost', members: 1, memberShare: 0.333333, revenueShare: 0.227273 },
    ]);
    expect(response.body.segments).toHaveLength(10);
  });

  describe('segments of scored members', () => {
    const count = async (filters: Record<string, unknown>) =>
      (await api.call<{ members: number }>('POST', '/api/v1/segments/count', { body: { filters } })).body.members;

    it('counts the members of a stage, a quadrant or RFM segments, combined with the other filters', async () => {
      expect(await count({ stages: [5] })).toBe(1);
      expect(await count({ stages: [1, 2] })).toBe(2);
      expect(await count({ quadrants: ['false'] })).toBe(1);
      expect(await count({ rfmSegments: ['at-risk', 'lost'] })).toBe(2);
      expect(await count({ rfmSegments: ['at-risk', 'lost'], quadrants: ['true'] })).toBe(1);
    });

    it('saves a segment of the false-loyal that campaigns can target', async () => {
      const created = await api.call<{ id: string }>('POST', '/api/v1/segments', {
        body: { name: 'Win back the false-loyal', filters: { quadrants: ['false'] } },
      });
      expect(created.status).toBe(201);
      expect((await api.call('GET', `/api/v1/segments/${created.body.id}/count`)).body.members).toBe(1);
    });

    it('refuses a stage or a segment that does not exist, naming it', async () => {
      const refused = await api.call<{ errors: Array<{ pointer: string }> }>('POST', '/api/v1/segments/count', {
        body: { filters: { stages: [6], rfmSegments: ['vip'] } },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error) => error.pointer)).toEqual([
        '/filters/stages/0',
        '/filters/rfmSegments/0',
      ]);
    });
  });

  it('refuses a day that is no date, and a range that ends before it starts', async () => {
    const bad = await api.call('GET', '/api/v1/reports/stages?from=2026-13-01', {
      headers: { 'accept-language': 'ro' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const backwards = await api.call<{ errors: Array<{ pointer: string }> }>(
      'GET',
      '/api/v1/reports/stages?from=2026-06-01&to=2026-01-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((error) => error.pointer)).toEqual(['/from']);
  });

  it('needs the reports permission', async () => {
    const till = await api.newApiKey('Till', ['till']);
    expect((await api.call('GET', '/api/v1/reports/rfm', { token: till.key })).status).toBe(403);
    expect((await api.call('POST', '/api/v1/reports/scores/refresh', { token: null })).status).toBe(401);
  });
});
