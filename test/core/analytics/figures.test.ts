// Each figure on a small history computed by hand, on SQLite and PostgreSQL:
// the seeds' lifetime-value example, the desk's medians, desk CSAT and NPS
// in the overview.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ltvReport } from '../../../core/analytics/ltvReport.ts';
import { overviewReport } from '../../../core/analytics/overviewReport.ts';
import { reportPeriod } from '../../../core/analytics/reportPeriod.ts';
import { createAnalyticsReads } from '../../../core/storage/analytics/createAnalyticsReads.ts';
import { createSurveyReports } from '../../../core/storage/surveys/createSurveyReports.ts';
import { seedAnswer } from '../../support/surveyAnswers.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createAnalyticsWorld, type AnalyticsWorld } from './support/analyticsWorld.ts';

const ZONE = 'Europe/Chisinau';
const MINUTE_MS = 60_000;

describeEachProvider('analytics figures', (provider) => {
  let world: AnalyticsWorld;
  beforeEach(async () => {
    world = await createAnalyticsWorld(provider);
  });
  afterEach(async () => {
    await world.dispose();
  });

  it('values a member kept 36 months at 600 lei a month at 21,600 lei, against 3,000 for one kept 5', async () => {
    const kept = await world.join('2023-01-05T10:00:00Z');
    for (let month = 0; month < 36; month += 1)
      await world.buy(kept, new Date(Date.UTC(2023, month, 15, 10)).toISOString(), 60_000);
    const brief = await world.join('2025-06-05T10:00:00Z');
    for (let month = 0; month < 5; month += 1)
      await world.buy(brief, new Date(Date.UTC(2025, 5 + month, 15, 10)).toISOString(), 60_000);

    const report = await ltvReport(createAnalyticsReads(world.db), {
      months: { from: '2023-01', to: '2025-12' },
      groupBy: 'joinMonth',
      instants: { from: new Date('2023-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') },
    });

    expect(report.groups.map((g) => [g.key, g.averageMonthlySpend, g.averageLifetimeMonths, g.ltv])).toEqual([
      ['2023-01', 60_000, 36, 2_160_000],
      ['2025-06', 60_000, 5, 300_000],
    ]);
    expect(report.overall).toMatchObject({ members: 2, averageLifetimeMonths: 20.5, ltv: 1_230_000 });
  }, 120_000);

  it('reports the desk’s median times, open tickets, desk CSAT and NPS for the period', async () => {
    const member = await world.join('2026-03-01T08:00:00Z');
    const opened = new Date('2026-03-10T08:00:00Z');
    const after = (minutes: number | null) =>
      minutes === null ? null : new Date(opened.getTime() + minutes * MINUTE_MS);
    const tickets: [number | null, number | null][] = [
      [10, 60],
      [30, 120],
      [20, null],
    ];
    for (const [index, [answered, resolved]] of tickets.entries())
      await world.db.prisma.ticket.create({
        data: {
          id: `t${index}`,
          memberId: member,
          chatId: 'c',
          channel: 'web',
          address: 'a',
          locale: 'en',
          reason: 'button',
          status: resolved === null ? 'taken' : 'resolved',
          text: '',
          openedAt: opened,
          firstResponseAt: after(answered),
          resolvedAt: after(resolved),
        },
      });
    for (const score of [10, 9, 9, 3]) await seedAnswer(world.db, { memberId: member, score, at: opened });
    for (const score of [5, 4, 2])
      await seedAnswer(world.db, { memberId: member, kind: 'csat', touchpoint: 'desk', score, at: opened });
    const period = reportPeriod({ from: '2026-03-01', to: '2026-03-31' }, opened, ZONE);
    if (!period.ok) throw new Error('period refused');

    const { figures } = await overviewReport(
      {
        reads: createAnalyticsReads(world.db),
        surveys: createSurveyReports(world.db),
        pointValue: 100,
        timezone: ZONE,
      },
      period.period,
    );

    expect(figures.medianFirstResponseMinutes.value).toBe(20);
    expect(figures.medianResolutionMinutes.value).toBe(90);
    expect(figures.openTickets.value).toBe(1);
    expect(figures.nps.value).toBe(50);
    expect(figures.deskCsat.value).toBe(67);
  });
});
