// The analytics reports over HTTP on a small history computed by hand
// (Europe/Chisinau): the overview against the period before, cohorts, and
// lifetime value with the programme's effect; a period that cannot be
// read is refused in the programme's language.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMemberStore } from '../../core/storage/members/createMemberStore.ts';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

type Figure = { value: number | null; previous: number | null; change: number | null };

describeEachProvider('analytics reports', (provider) => {
  let api: ApiTestApp;
  let now = new Date('2026-03-31T12:00:00Z');
  let phones = 0;
  let receipts = 0;

  const join = async (at: string) => {
    now = new Date(at);
    phones += 1;
    const enrolled = await createMemberStore(api.app.db).enrolAtTill({
      at: now,
      name: `Member ${phones}`,
      phone: `+3736900${String(phones).padStart(4, '0')}`,
      locale: 'en',
      consentVersion: 'till',
      welcome: null,
    });
    if (!enrolled.ok) throw new Error('enrolment refused');
    return enrolled.member.id;
  };
  const buy = async (memberId: string, at: string, amount: number) => {
    now = new Date(at);
    receipts += 1;
    const outcome = await api.app.points.recordPurchase({
      member: { memberId },
      receiptId: `rep-${receipts}`,
      amount,
      redeemPoints: 0,
      source: 'api',
      recordedBy: 'admin',
    });
    if (outcome.kind !== 'recorded') throw new Error(outcome.kind);
    return outcome.purchase.id;
  };
  const chatFor = (memberId: string, at: string) =>
    api.app.db.prisma.chat.create({
      data: {
        id: `chat-${memberId}`,
        channel: 'web',
        address: `v-${memberId}`,
        locale: 'en',
        state: '{"kind":"idle"}',
        consentAt: new Date(at),
        consentVersion: 'v1',
        memberId,
        createdAt: new Date(at),
      },
    });

  beforeAll(async () => {
    api = await startApiTestApp(provider, { DEFAULT_LOCALE: 'en', WELCOME_BONUS_POINTS: '0' }, () => now);
    const anna = await join('2026-01-10T10:00:00Z');
    await buy(anna, '2026-02-10T10:00:00Z', 10_000); // 3 points
    await chatFor(anna, '2026-03-01T10:00:00Z'); // joins in the web chat after enrolling at the till
    const boris = await join('2026-03-02T10:00:00Z');
    await buy(boris, '2026-03-03T10:00:00Z', 30_000); // 9 points
    await buy(anna, '2026-03-05T10:00:00Z', 20_000); // 6 points
    const ion = await join('2026-03-10T10:00:00Z');
    await chatFor(ion, '2026-03-09T10:00:00Z'); // joined through the chat: no "before"
    await buy(anna, '2026-03-20T10:00:00Z', 10_000); // 3 points
    const refunded = await buy(boris, '2026-03-25T10:00:00Z', 5_000); // 1 point, taken back
    now = new Date('2026-03-26T10:00:00Z');
    await api.app.points.refund(refunded);
    now = new Date('2026-03-31T12:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('shows each overview figure for the period beside the period of equal length before it', async () => {
    const response = await api.call<{
      period: unknown;
      previousPeriod: unknown;
      figures: Record<string, Figure>;
      series: { day: string; purchases: number; revenue: number }[];
    }>('GET', '/api/v1/reports/overview?from=2026-03-01&to=2026-03-31');
    expect(response.status).toBe(200);
    const { figures } = response.body;
    expect(response.body.previousPeriod).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(figures.members).toEqual({ value: 3, previous: 1, change: 200 });
    expect(figures.newMembers).toEqual({ value: 2, previous: 0, change: null });
    expect(figures.purchases).toEqual({ value: 3, previous: 1, change: 200 });
    expect(figures.revenue).toEqual({ value: 60_000, previous: 10_000, change: 500 });
    expect(figures.averageCheck).toEqual({ value: 20_000, previous: 10_000, change: 100 });
    expect(figures.repeatPurchaseRate).toEqual({ value: 50, previous: 0, change: null });
    expect(figures.activeMembers30).toMatchObject({ value: 2, previous: 1 });
    expect(figures.activeMembers90).toMatchObject({ value: 2, previous: 1 });
    expect(figures.pointsIssued).toMatchObject({ value: 19, previous: 3 });
    expect(figures.pointsLiability).toEqual({ value: 21 * 100, previous: null, change: null });
    expect(figures.openTickets?.value).toBe(0);
    expect(figures.nps?.value).toBeNull();
    expect(response.body.series.filter((d) => d.purchases > 0)).toEqual([
      { day: '2026-03-03', purchases: 1, revenue: 30_000 },
      { day: '2026-03-05', purchases: 1, revenue: 20_000 },
      { day: '2026-03-20', purchases: 1, revenue: 10_000 },
    ]);
  });

  it('defaults to the 30 days ending today', async () => {
    const response = await api.call<{ period: unknown }>('GET', '/api/v1/reports/overview');
    expect(response.body.period).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });

  it('reports cohort retention by month of joining, with counts', async () => {
    const response = await api.call<{
      cohorts: { joinMonth: string; members: number; months: { offset: number; buyers: number; share: number }[] }[];
    }>('GET', '/api/v1/reports/cohorts?from=2026-01-01&to=2026-03-31');
    expect(response.status).toBe(200);
    const rows = response.body.cohorts.map((c) => [c.joinMonth, c.members, c.months.map((m) => [m.buyers, m.share])]);
    expect(rows).toEqual([
      [
        '2026-01',
        1,
        [
          [0, 0],
          [1, 100],
          [1, 100],
        ],
      ],
      [
        '2026-02',
        0,
        [
          [0, null],
          [0, null],
        ],
      ],
      ['2026-03', 2, [[1, 50]]],
    ]);
  });

  it('reports lifetime value per enrolment and the programme’s effect on the same members', async () => {
    const response = await api.call<{
      overall: Record<string, unknown>;
      groups: Record<string, unknown>[];
      effect: { members: number; before: Record<string, number>; after: Record<string, number> };
    }>('GET', '/api/v1/reports/ltv?from=2026-01-01&to=2026-03-31&groupBy=enrolment');
    expect(response.status).toBe(200);
    expect(response.body.overall).toEqual({
      key: null,
      members: 2,
      averageMonthlySpend: 25_000,
      averageLifetimeMonths: 1.5,
      ltv: 37_500,
    });
    expect(response.body.groups.map((g) => [g.key, g.members, g.ltv])).toEqual([
      ['chat', 1, 40_000],
      ['till', 1, 30_000],
    ]);
    const { effect } = response.body;
    expect(effect.members).toBe(1);
    expect(effect.before.averageCheck).toBe(10_000);
    expect(effect.after.averageCheck).toBe(15_000);
    // 1 purchase in the 19 days before joining, 2 in the 30 days 11 hours after it (to the period's end).
    expect(effect.before.frequency).toBe(1.58);
    expect(effect.after.frequency).toBe(1.97);
  });

  it('refuses a period that ends before it starts, or is longer than three years, in the programme’s language', async () => {
    const backwards = await api.call<{ detail: string }>(
      'GET',
      '/api/v1/reports/overview?from=2026-03-10&to=2026-03-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.detail).toBe('The first day of the period comes after its last day.');
    const long = await api.call<{ detail: string }>('GET', '/api/v1/reports/ltv?from=2020-01-01&to=2026-03-01');
    expect(long.status).toBe(400);
    expect(long.body.detail).toBe('A period can be at most three years long.');
  });

  it('answers only a credential that may read reports', async () => {
    expect((await api.call('GET', '/api/v1/reports/cohorts', { token: null })).status).toBe(401);
    const till = await api.newApiKey('Till', ['till']);
    expect((await api.call('GET', '/api/v1/reports/overview', { token: till.key })).status).toBe(403);
  });
});
