// GET /metrics after real traffic: a signed Telegram webhook update, a
// purchase and a refund through the REST API, an outbox message delivered to
// the Bot API stand-in, the scheduled jobs. Each counter moves by what
// happened; the token and the loopback port keep the figures private.
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../core/storage/outbox/enqueue.ts';
import { TelegramHarness } from '../bots/telegram/support/telegramHarness.ts';
import { startLoopbackApp, type LoopbackApp } from '../support/loopbackApp.ts';
import { commandUpdate } from '../support/telegramUpdates.ts';
import { scrapeMetrics, type Scrape } from './support/scrapeMetrics.ts';

const METRICS_TOKEN = 'metrics-test-token-0123456789abcdefghij';
const ADMIN_TOKEN = 'metrics-test-admin-token-0123456789abcd';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function harness(env: Record<string, string> = {}): Promise<TelegramHarness> {
  const started = await TelegramHarness.start({ webhook: true, env: { METRICS_TOKEN, ADMIN_TOKEN, ...env } });
  stops.push(() => started.stop());
  return started;
}

async function loopback(env: Record<string, string>): Promise<LoopbackApp> {
  const started = await startLoopbackApp('metrics-test-', env);
  stops.push(() => started.stop());
  return started;
}

const scrape = (h: TelegramHarness): Promise<Scrape> => scrapeMetrics(`${h.app.url}/metrics`, METRICS_TOKEN);

async function api(h: TelegramHarness, method: string, path: string, body: unknown, token = ADMIN_TOKEN) {
  const response = await fetch(`${h.app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /metrics', () => {
  it('counts a webhook update once answered and once as a duplicate, and times both', async () => {
    const h = await harness();
    const before = await scrape(h);
    const update = commandUpdate(7001, 'start', undefined, { withUpdateId: 42_001 });
    expect((await h.postToWebhook(update)).status).toBe(200);
    expect((await h.postToWebhook(update)).status).toBe(200);

    const after = await scrape(h);
    const moved = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    expect(moved('loyalty_updates_total', { channel: 'telegram', outcome: 'answered' })).toBe(1);
    expect(moved('loyalty_updates_total', { channel: 'telegram', outcome: 'duplicate' })).toBe(1);
    expect(moved('loyalty_updates_total', { channel: 'telegram', outcome: 'failed' })).toBe(0);
    expect(moved('loyalty_update_handling_seconds_count', { channel: 'telegram' })).toBe(2);
    expect(moved('loyalty_http_responses_total', { route: '/telegram/webhook', status: '200' })).toBe(2);
  });

  it('counts a purchase and its refund through the REST API', async () => {
    const h = await harness();
    const key = (await api(h, 'POST', '/api/v1/api-keys', { name: 'Till 1' })).body.key as string;
    const member = await api(
      h,
      'POST',
      '/api/v1/members',
      { phone: '+37369512345', name: 'Ana Popescu', locale: 'ro', consent: true },
      key,
    );
    const before = await scrape(h);
    const purchase = await api(
      h,
      'POST',
      '/api/v1/purchases',
      { member: { card: member.body.cardNumber }, amount: 20_000, receiptId: 'metrics-1' },
      key,
    );
    expect(purchase.status).toBe(201);
    // The till retries: the same purchase again is a replay, not a second purchase.
    await api(
      h,
      'POST',
      '/api/v1/purchases',
      { member: { card: member.body.cardNumber }, amount: 20_000, receiptId: 'metrics-1' },
      key,
    );
    expect((await api(h, 'POST', `/api/v1/purchases/${String(purchase.body.purchaseId)}/refund`, {}, key)).status).toBe(
      200,
    );

    const after = await scrape(h);
    expect(
      after.value('loyalty_purchases_total', { outcome: 'recorded' }) -
        before.value('loyalty_purchases_total', { outcome: 'recorded' }),
    ).toBe(1);
    expect(
      after.value('loyalty_purchases_total', { outcome: 'replayed' }) -
        before.value('loyalty_purchases_total', { outcome: 'replayed' }),
    ).toBe(1);
    expect(
      after.value('loyalty_refunds_total', { outcome: 'refunded' }) -
        before.value('loyalty_refunds_total', { outcome: 'refunded' }),
    ).toBe(1);
  });

  it('counts an outbox message delivered to the Bot API, and the backlog it leaves while waiting', async () => {
    const h = await harness();
    // Viber is not configured here, so its message waits: a backlog the scrape shows.
    await enqueue(h.app.db, {
      memberId: null,
      channel: 'viber',
      address: 'viber-user',
      dedupeKey: 'metrics:viber',
      message: { text: 'waits' },
      at: new Date(Date.now() - 60_000),
    });
    const before = await scrape(h);
    expect(before.value('loyalty_outbox_depth', { channel: 'viber' })).toBe(1);
    expect(before.value('loyalty_outbox_oldest_age_seconds', { channel: 'viber' })).toBeGreaterThanOrEqual(60);

    await enqueue(h.app.db, {
      memberId: null,
      channel: 'telegram',
      address: '7002',
      dedupeKey: 'metrics:telegram',
      message: { text: 'Your points are waiting' },
    });
    h.app.outbox.nudge();
    await h.fake.waitForCalls((call) => call.method === 'sendMessage' && String(call.payload.chat_id) === '7002');
    await expect
      .poll(
        async () =>
          (await scrape(h)).value('loyalty_outbox_sends_total', { channel: 'telegram', kind: 'delivered' }) -
          before.value('loyalty_outbox_sends_total', { channel: 'telegram', kind: 'delivered' }),
      )
      .toBe(1);
    expect(h.fake.sentTexts(7002)).toEqual(['Your points are waiting']);
  });

  it('counts the scheduled jobs’ runs', async () => {
    const h = await harness({ JOBS_INTERVAL_SECONDS: '1' });
    await expect
      .poll(async () => (await scrape(h)).value('loyalty_job_runs_total', { job: 'scoring-daily' }), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(1);
    const scraped = await scrape(h);
    expect(scraped.value('loyalty_job_runs_total', { outcome: 'failed' })).toBe(0);
    expect(scraped.value('loyalty_tickets_open')).toBe(0);
    expect(scraped.value('loyalty_db_pool_connections', { state: 'total' })).toBe(1);
  });

  it('asks for the token: 401 without it or with a wrong one', async () => {
    const h = await harness();
    const without = await fetch(`${h.app.url}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${h.app.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-metrics-token-at-all-000000' },
    });
    expect(wrong.status).toBe(401);
    // The admin token opens the API, not the metrics.
    const admin = await fetch(`${h.app.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(admin.status).toBe(401);
  });

  it('does not exist without METRICS_TOKEN or METRICS_PORT', async () => {
    const shop = await loopback({});
    expect((await fetch(`${shop.app.url}/metrics`)).status).toBe(404);
    expect(shop.app.metricsUrl).toBeNull();
  });

  it('serves METRICS_PORT on loopback only, without a token, and not on the main port', async () => {
    const shop = await loopback({ METRICS_PORT: '0', HOST: '0.0.0.0' });
    expect(shop.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const scraped = await scrapeMetrics(`${shop.app.metricsUrl}/metrics`);
    expect(scraped.text).toContain('# TYPE loyalty_updates_total counter');
    expect((await fetch(`${shop.app.url}/metrics`)).status).toBe(404);

    const port = Number(new URL(shop.app.metricsUrl!).port);
    const external = externalAddress();
    // A machine without any address but loopback has nothing else to try.
    if (external) expect(await connects(external, port)).toBe(false);
  });

  it('keeps each application’s figures apart when several run in one process', async () => {
    const first = await harness();
    const second = await harness();
    await first.postToWebhook(commandUpdate(7003, 'start', undefined, { withUpdateId: 42_003 }));
    expect((await scrape(first)).value('loyalty_updates_total', { channel: 'telegram' })).toBe(1);
    expect((await scrape(second)).value('loyalty_updates_total', { channel: 'telegram' })).toBe(0);
  });
});

function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
