import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../app/config.ts';
import { createLogger } from '../app/logger.ts';
import { startApp } from '../app/startApp.ts';
import { measure, type RunFigures } from './latency.ts';
import { countSqliteStatements } from './sqliteStatements.ts';
import { mainThreadCpuSeconds } from './mainThreadCpu.ts';

const MEMBERS = 1_000;
const PURCHASES = 5_000;
const WARMUP = 500;
const CONCURRENCY = Number(process.env.BENCH_API_CONCURRENCY ?? 16);
const ADMIN_TOKEN = `bench-${randomUUID()}`;

export interface PurchasesBenchResult {
  figures: RunFigures;
  /** Answers other than 201, by status; a clean run has none. */
  unexpected: Record<string, number>;
  concurrency: number;
  /** SQL statements the server ran per measured purchase (BEGIN and COMMIT included). */
  statementsPerPurchase: number;
  /** CPU milliseconds the server's main thread spent per measured purchase; null where /proc is missing. */
  cpuMsPerPurchase: number | null;
}

interface PurchaseRequest {
  card: string;
  amount: number;
  receiptId: string;
  redeemPoints: number;
  idempotencyKey: string;
}

/**
 * Purchases per second through the REST API on SQLite: the whole application
 * listening on loopback, 1,000 members enrolled through the API, each
 * purchase a real HTTP request with an API key and an Idempotency-Key, a
 * quarter of them paying with points. The till side runs in a worker
 * thread, as a point-of-sale system would run in a process of its own, so
 * that it does not take the server's event loop.
 */
export async function benchPurchases(): Promise<PurchasesBenchResult> {
  const statements = countSqliteStatements();
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-api-bench-'));
  const config = loadConfig({
    DATABASE_URL: `file:${join(dir, 'bench.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN,
    // One till from one address at hundreds of purchases a second: the limits are counted (their cost is in the
    // figures) but set above what the bench sends, since it measures the purchase path, not the refusals.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
  });
  const app = await startApp(config, createLogger('silent'));
  try {
    const { key } = (await post(app.url, ADMIN_TOKEN, '/api/v1/api-keys', { name: 'bench' })).body as { key: string };
    const cards = await enrolMembers(app.url);
    // This till names members by card when they pay with points, so the programme allows it (the default asks for the code).
    await app.points.saveRules({ ...(await app.points.rules()), redeemRequires: 'card' });
    const requests = purchaseRequests(cards, WARMUP + PURCHASES);
    await runTill(app.url, key, requests.slice(0, WARMUP));
    statements.reset();
    const cpuBefore = mainThreadCpuSeconds();
    const { figures, statuses } = await runTill(app.url, key, requests.slice(WARMUP));
    const cpuAfter = mainThreadCpuSeconds();
    const cpuMsPerPurchase =
      cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / PURCHASES;
    const statementsPerPurchase = statements.read() / PURCHASES;
    const unexpected = Object.fromEntries(Object.entries(statuses).filter(([status]) => status !== '201'));
    return { figures, unexpected, concurrency: CONCURRENCY, statementsPerPurchase, cpuMsPerPurchase };
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function post(
  base: string,
  token: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function enrolMembers(base: string): Promise<string[]> {
  const cards: string[] = [];
  const phones = Array.from({ length: MEMBERS }, (_, i) => `+3736${String(i).padStart(7, '0')}`);
  await measure(phones, CONCURRENCY, async (phone) => {
    const { status, body } = await post(base, ADMIN_TOKEN, '/api/v1/members', {
      phone,
      name: 'Bench Member',
      locale: 'ro',
      consent: true,
    });
    if (status !== 201) throw new Error(`Enrolling ${phone} failed with ${status}: ${JSON.stringify(body)}`);
    cards.push((body as { cardNumber: string }).cardNumber);
  });
  return cards;
}

/** Receipts of 20 to 1,000 lei; every fourth pays 10 points, which the welcome bonus and the share always allow. */
function purchaseRequests(cards: string[], count: number): PurchaseRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    card: cards[(i * 7919) % cards.length]!,
    amount: 2_000 + ((i * 104_729) % 98_000),
    receiptId: `bench-${i}`,
    redeemPoints: i % 4 === 0 ? 10 : 0,
    idempotencyKey: randomUUID(),
  }));
}

/** Sends the purchases from a worker thread, `CONCURRENCY` in flight, and times each one there. */
async function runTill(
  base: string,
  key: string,
  requests: PurchaseRequest[],
): Promise<{ figures: RunFigures; statuses: Record<string, number> }> {
  const worker = new Worker(TILL_SOURCE, { eval: true, workerData: { base, key, requests, concurrency: CONCURRENCY } });
  try {
    const result = await new Promise<{ latencies: number[]; seconds: number; statuses: Record<string, number> }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    return { figures: figuresOf(result.latencies, result.seconds), statuses: result.statuses };
  } finally {
    await worker.terminate();
  }
}

function figuresOf(latencies: number[], seconds: number): RunFigures {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { count: sorted.length, seconds, perSecond: sorted.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

// Plain JavaScript, so the worker needs no TypeScript loader: a POS system's
// till lanes posting purchases with their API key and Idempotency-Keys.
const TILL_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, key, requests, concurrency } = workerData;
const latencies = new Array(requests.length);
const statuses = {};
let next = 0;
async function lane() {
  while (next < requests.length) {
    const index = next++;
    const { card, idempotencyKey, ...rest } = requests[index];
    const started = performance.now();
    const response = await fetch(base + '/api/v1/purchases', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + key, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ member: { card }, ...rest }),
    });
    await response.arrayBuffer();
    latencies[index] = performance.now() - started;
    statuses[response.status] = (statuses[response.status] || 0) + 1;
  }
}
const started = performance.now();
Promise.all(Array.from({ length: concurrency }, lane)).then(() => {
  parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000, statuses });
});
`;
