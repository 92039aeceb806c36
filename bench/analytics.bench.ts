import { randomUUID } from 'node:crypto';
import { BASELINE_KIND } from './memberSearch.bench.ts';
import type { Provider } from '../core/storage/db/openDatabase.ts';
import { rebuildFigures } from '../core/storage/analytics/rebuildFigures.ts';
import { benchDatabase, startBenchApp, timeRequests, type Percentiles } from './httpBench.ts';
import { analyticsSizes, seedAnalytics, type AnalyticsSizes } from './seedAnalytics.ts';

const REQUESTS = Number(process.env.BENCH_ANALYTICS_REQUESTS ?? 30);
const ADMIN_TOKEN = `bench-${randomUUID()}`;

/** What is timed, by name: add a report's path here and it is measured and printed. */
export const analyticsPaths: Record<string, string> = {
  [BASELINE_KIND]: '/api/v1/program',
  'overview, the last 30 days (default)': '/api/v1/reports/overview',
  'overview, a year': '/api/v1/reports/overview?from=2025-12-01&to=2026-11-30',
  'cohorts, a year of joining': '/api/v1/reports/cohorts?from=2025-12-01&to=2026-11-30',
  'cohorts, three years of joining': '/api/v1/reports/cohorts?from=2023-12-01&to=2026-11-30',
  'ltv, a year, by tier': '/api/v1/reports/ltv?from=2025-12-01&to=2026-11-30&groupBy=tier',
  'ltv, a year, by enrolment': '/api/v1/reports/ltv?from=2025-12-01&to=2026-11-30&groupBy=enrolment',
  'ltv, three years, by month of joining': '/api/v1/reports/ltv?from=2023-12-01&to=2026-11-30&groupBy=joinMonth',
};

export interface AnalyticsBench {
  provider: Provider;
  sizes: AnalyticsSizes;
  seedSeconds: number;
  rebuildSeconds: number;
  /** By path: loopback HTTP round trips one at a time, so an upper bound of the server's time. */
  kinds: Record<string, Percentiles>;
}

/**
 * The analytics reports over the data set (or BENCH_ANALYTICS_SCALE
 * of it), the whole application on loopback: seeded, the roll-ups rebuilt
 * from the raw rows (timed), then every path in `analyticsPaths` timed
 * beside a trivial indexed read measured in the same run.
 */
export async function benchAnalytics(provider: Provider): Promise<AnalyticsBench | { skipped: string }> {
  const database = await benchDatabase(provider, 'analytics');
  if ('skipped' in database) return database;
  const app = await startBenchApp(database.url, ADMIN_TOKEN, { JOBS_INTERVAL_SECONDS: '0' });
  try {
    const sizes = analyticsSizes();
    const t0 = performance.now();
    await seedAnalytics(app.db, sizes);
    const seedSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await rebuildFigures(app.db);
    const rebuildSeconds = (performance.now() - t1) / 1000;
    await app.db.prisma.$executeRawUnsafe('ANALYZE');
    const kinds: Record<string, Percentiles> = {};
    for (const [kind, path] of Object.entries(analyticsPaths))
      kinds[kind] = await timeRequests(app.url, () => path, { token: ADMIN_TOKEN, requests: REQUESTS, warmup: 3 });
    return { provider, sizes, seedSeconds, rebuildSeconds, kinds };
  } finally {
    await app.stop();
    await database.dispose();
  }
}
