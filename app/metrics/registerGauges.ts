import { Gauge, type Registry } from 'prom-client';
import type { PoolUsage } from '../../core/storage/db/openDatabase.ts';
import type { DeskBacklog } from '../../core/storage/metrics/readDeskBacklog.ts';
import type { OutboxBacklog } from '../../core/storage/metrics/readOutboxBacklog.ts';
import { sharedWhileRunning } from './sharedWhileRunning.ts';

/** What the gauges read when Prometheus scrapes: queries, so only then. */
export interface GaugeSources {
  outbox(): Promise<OutboxBacklog[]>;
  desk(): Promise<DeskBacklog>;
  /** The database pool; undefined on SQLite's one connection. */
  pool(): PoolUsage | undefined;
}

type Collect<L extends string> = (gauge: Gauge<L>) => Promise<void> | void;

/** The gauges, each filled by its `collect()` at scrape time. */
export function registerGauges(registry: Registry, sources: GaugeSources): void {
  const gauge = <L extends string>(name: string, help: string, labelNames: L[], collect: Collect<L>) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        await collect(this);
      },
    });
  outboxGauges(gauge, sharedWhileRunning(sources.outbox));
  deskGauges(gauge, sharedWhileRunning(sources.desk));
  gauge('loyalty_db_pool_connections', POOL_HELP, ['state'], (g) => {
    const pool = sources.pool() ?? { total: 1, idle: 0, waiting: 0 };
    for (const state of ['total', 'idle', 'waiting'] as const) g.set({ state }, pool[state]);
  });
}

type GaugeOf = <L extends string>(name: string, help: string, labelNames: L[], collect: Collect<L>) => Gauge<L>;

/** Two gauges from one query: prom-client collects them at the same time, and they share it. */
function outboxGauges(gauge: GaugeOf, outbox: () => Promise<OutboxBacklog[]>): void {
  gauge('loyalty_outbox_depth', 'Outbox messages due now and not yet settled, by lane.', ['channel'], async (g) => {
    g.reset();
    for (const lane of await outbox()) g.set({ channel: lane.channel }, lane.depth);
  });
  gauge('loyalty_outbox_oldest_age_seconds', OUTBOX_AGE_HELP, ['channel'], async (g) => {
    g.reset();
    for (const lane of await outbox()) g.set({ channel: lane.channel }, lane.oldestAgeSeconds);
  });
}

function deskGauges(gauge: GaugeOf, desk: () => Promise<DeskBacklog>): void {
  gauge('loyalty_tickets_open', TICKETS_HELP, ['status'], async (g) => {
    g.reset();
    for (const row of (await desk()).byStatus) g.set({ status: row.status }, row.count);
  });
  gauge('loyalty_desk_oldest_unanswered_seconds', UNANSWERED_HELP, [], async (g) => {
    g.set((await desk()).oldestUnansweredSeconds);
  });
}

const POOL_HELP =
  'Database connections by state (total, idle; waiting: queries waiting for one). SQLite is one connection.';
const OUTBOX_AGE_HELP = 'Seconds since the longest-waiting due outbox message fell due, by lane.';
const TICKETS_HELP = 'Unresolved staff-desk tickets, by status (open: nobody took it yet; taken).';
const UNANSWERED_HELP =
  'Seconds the longest-waiting unresolved ticket has waited for its first answer (0: none waits).';
