import type { Database } from '../../core/storage/db/openDatabase.ts';
import { readDeskBacklog } from '../../core/storage/metrics/readDeskBacklog.ts';
import { readOutboxBacklog } from '../../core/storage/metrics/readOutboxBacklog.ts';
import { createMetrics, type Metrics } from './createMetrics.ts';

/** The metrics of one application instance, whose gauges read `db` at the clock's time when scraped. */
export function metricsFor(db: Database, clock: () => Date): Metrics {
  return createMetrics({
    outbox: () => readOutboxBacklog(db, clock()),
    desk: () => readDeskBacklog(db, clock()),
    pool: () => db.pool?.(),
  });
}
