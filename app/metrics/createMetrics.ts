import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { registerGauges, type GaugeSources } from './registerGauges.ts';

export type { GaugeSources } from './registerGauges.ts';

/** The product's Prometheus metrics, on a registry of their own (several apps in one test process never clash). */
export interface Metrics {
  registry: Registry;
  updates: Counter<'channel' | 'outcome'>;
  updateSeconds: Histogram<'channel'>;
  sends: Counter<'channel' | 'kind'>;
  purchases: Counter<'outcome'>;
  refunds: Counter<'outcome'>;
  jobRuns: Counter<'job' | 'outcome'>;
  httpResponses: Counter<'route' | 'status'>;
}

/** Every metric the README's Metrics section lists, named `loyalty_…`, plus Node's process metrics. */
export function createMetrics(sources: GaugeSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerGauges(registry, sources);
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    updates: counter('loyalty_updates_total', UPDATES_HELP, ['channel', 'outcome']),
    updateSeconds: new Histogram({
      name: 'loyalty_update_handling_seconds',
      help: 'Time from an update reaching the assistant to its answer being ready, by channel.',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    sends: counter('loyalty_outbox_sends_total', SENDS_HELP, ['channel', 'kind']),
    purchases: counter('loyalty_purchases_total', PURCHASES_HELP, ['outcome']),
    refunds: counter('loyalty_refunds_total', REFUNDS_HELP, ['outcome']),
    jobRuns: counter('loyalty_job_runs_total', JOBS_HELP, ['job', 'outcome']),
    httpResponses: counter('loyalty_http_responses_total', 'HTTP responses by route pattern and status code.', [
      'route',
      'status',
    ]),
  };
}

const UPDATES_HELP = 'Updates from customers handled, by channel and outcome (answered, duplicate, failed).';
const SENDS_HELP =
  'Outbox sends by lane and what the platform made of them (delivered, retryAfter, transient, unreachable, rejected, unauthorized, error).';
const PURCHASES_HELP =
  'Purchases through the till and the REST API, by outcome (recorded, replayed, receipt-conflict, refused…).';
const REFUNDS_HELP = 'Refunds asked for, by outcome (refunded, already-refunded, not-found, not-yours).';
const JOBS_HELP = 'Scheduled job runs by job and outcome (done; skipped: another instance had the run; failed).';
