import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningApp } from '../app/startApp.ts';
import type { Database, Provider } from '../core/storage/db/openDatabase.ts';
import { startFakeBotApi, type FakeBotApi } from '../test/support/fakeBotApi.ts';
import { benchDatabase, percentiles, startBenchApp, type Percentiles } from './httpBench.ts';
import { seedOptedIn } from './seedOptedIn.ts';
import { sendRate, type SendRate } from './sendRate.ts';
import { joinedWebChatVisitor } from './webChatVisitor.ts';
import { pressSteadily } from './chatLoad.ts';

const MEMBERS = Number(process.env.BENCH_CAMPAIGN_MEMBERS ?? 100_000);
/**
 * The baseline reads 500 at a time, the fan-out's batch when the figures were taken, so that runs
 * before and after stay comparable (the fan-out reads 1,000 now: core/campaigns/decidePending.ts).
 */
const FAN_OUT_BATCH = 500;
/** Telegram's limit, which is also the application's default TELEGRAM_RATE_PER_SECOND. */
const TELEGRAM_PER_SECOND = 30;
const SENDING_SECONDS = 20;
/** A busy shop's chat: ten presses a second, by ten members in turn. */
const PRESSES_PER_SECOND = 10;
const VISITORS = 10;
const WARMUP_SECONDS = 3;
const IDLE_SECONDS = 15;
/** The longest the chat is timed beside the second campaign, which is cancelled then: a slow fan-out cannot stretch the bench. */
const WATCH_SECONDS = 20;
const POLL_MS = 20;
const FAN_OUT_TIMEOUT_MS = 300_000;
const ADMIN_TOKEN = `bench-${randomUUID()}`;
/** The press timed in the chat: the main menu's balance screen, a member's commonest request. */
const MENU_PRESS = 'menu:balance';

/** One campaign's fan-out, from `POST …/start` until every member of the audience was decided. */
export interface FanOutRun {
  seconds: number;
  /** False when it was cancelled before it finished (the second campaign, past WATCH_SECONDS). */
  finished: boolean;
  /** Members enrolled. */
  audience: number;
  /** Members by outcome. */
  outcomes: Record<string, number>;
  outboxRows: number;
}

export interface ChatLatency extends Percentiles {
  requests: number;
  perSecond: number;
}

export interface CampaignsBench {
  provider: Provider;
  members: number;
  seedSeconds: number;
  /** Reading every member's id, a fan-out batch at a time: the least any fan-out has to do. */
  baselineSeconds: number;
  /** The first campaign, with nothing else asking the application for anything. */
  fanOut: FanOutRun;
  /** The second campaign to the same members, with the chat busy beside it. */
  fanOutUnderChat: FanOutRun;
  chat: { idle: ChatLatency; duringFanOut: ChatLatency };
  sending: SendRate & { seconds: number; limitPerSecond: number; busiestSecondOfRun: number; sentInRun: number };
}

/**
 * A campaign to 100,000 (BENCH_CAMPAIGN_MEMBERS) opted-in members with a
 * Telegram chat each, the whole application on loopback with its real
 * dispatcher sending to a Bot API stand-in at Telegram's limits: the time to
 * fan it out (started over the REST API, every member decided and their
 * outbox row written); the web chat's latency idle and then while a second
 * campaign to the same members fans out; and the send rate over 20 seconds.
 */
export async function benchCampaigns(provider: Provider): Promise<CampaignsBench | { skipped: string }> {
  const database = await benchDatabase(provider, 'campaigns');
  if ('skipped' in database) return database;
  const bot = await startFakeBotApi();
  const app = await startBenchApp(database.url, ADMIN_TOKEN, {
    JOBS_INTERVAL_SECONDS: '0',
    TELEGRAM_BOT_TOKEN: bot.token,
    TELEGRAM_API_ROOT: bot.apiRoot,
    TELEGRAM_RATE_PER_SECOND: String(TELEGRAM_PER_SECOND),
    WEBCHAT_RATE_LIMIT_PER_MINUTE: '100000',
  });
  try {
    const t0 = performance.now();
    await seedOptedIn(app.db, MEMBERS);
    await app.db.prisma.$executeRawUnsafe('ANALYZE');
    const seedSeconds = (performance.now() - t0) / 1000;
    // No quiet hours: the bench may run at night, and a held message is not sent.
    await call(app, 'PATCH', '/api/v1/program', { quietHours: { from: '00:00', to: '00:00' } });
    const { id: segmentId } = await call<{ id: string }>(app, 'POST', '/api/v1/segments', {
      name: 'Everyone',
      filters: {},
    });
    const visitors = await Promise.all(
      Array.from({ length: VISITORS }, (_, i) =>
        joinedWebChatVisitor(app.url, `+3736900${String(i).padStart(4, '0')}`),
      ),
    );
    const press = (keepGoing: (elapsedMs: number) => boolean) =>
      pressSteadily(visitors, MENU_PRESS, PRESSES_PER_SECOND, keepGoing);
    const baselineSeconds = await readEveryMemberId(app.db);
    const fanOut = (await runCampaign(app, segmentId, 'Spring offer')).run;
    await press((elapsed) => elapsed < WARMUP_SECONDS * 1000);
    const idle = latencyOf(await press((elapsed) => elapsed < IDLE_SECONDS * 1000));
    const second = await runCampaign(app, segmentId, 'Summer offer', (running) =>
      press((elapsed) => running() && elapsed < WATCH_SECONDS * 1000),
    );
    const sending = await watchSending(bot);
    return {
      provider,
      members: MEMBERS,
      seedSeconds,
      baselineSeconds,
      fanOut,
      fanOutUnderChat: second.run,
      chat: { idle, duringFanOut: latencyOf(second.alongside ?? []) },
      sending,
    };
  } finally {
    await app.stop();
    await bot.close();
    await database.dispose();
  }
}

/**
 * Creates a campaign to the segment and starts it over the REST API, then
 * waits for its fan-out. With `alongside`, does that meanwhile and, when it
 * ends before the fan-out, cancels the campaign there.
 */
async function runCampaign<T>(
  app: RunningApp,
  segmentId: string,
  name: string,
  alongside?: (running: () => boolean) => Promise<T>,
): Promise<{ run: FanOutRun; alongside?: T }> {
  const { id } = await call<{ id: string }>(app, 'POST', '/api/v1/campaigns', {
    name,
    segmentId,
    category: 'offers',
    messages: {
      ru: '{name}, у вас {balance} баллов, уровень {tier}. Весной — двойные баллы!',
      ro: '{name}, aveți {balance} puncte, nivelul {tier}. Primăvara — puncte duble!',
      en: '{name}, you have {balance} points, tier {tier}. Double points this spring!',
    },
    buttons: [
      { label: { ru: 'Мой баланс', ro: 'Soldul meu', en: 'My balance' }, action: { kind: 'menu', action: 'balance' } },
    ],
    // Nobody held out: every member of the audience gets an outbox row, the most a fan-out writes.
    holdoutPercent: 0,
  });
  let running = true;
  const started = performance.now();
  await call(app, 'POST', `/api/v1/campaigns/${id}/start`);
  const fannedOut = waitForFanOut(app.db, id).finally(() => (running = false));
  const side = alongside?.(() => running);
  let finished = await Promise.race([fannedOut, side?.then(() => false) ?? fannedOut]);
  const seconds = (performance.now() - started) / 1000;
  if (!finished && !alongside) throw new Error(`The campaign ${name} stopped sending before it was fanned out.`);
  if (!finished) {
    await call(app, 'POST', `/api/v1/campaigns/${id}/cancel`);
    finished = await fannedOut.catch(() => false);
  }
  return { run: { seconds, finished, ...(await countsOf(app.db, id)) }, alongside: await side };
}

/** True once every member of the audience is decided; false when the campaign stopped sending first. */
async function waitForFanOut(db: Database, campaignId: string): Promise<boolean> {
  const deadline = performance.now() + FAN_OUT_TIMEOUT_MS;
  for (;;) {
    const campaign = await db.prisma.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { fannedOutAt: true, status: true },
    });
    if (campaign.fannedOutAt) return true;
    if (campaign.status !== 'sending') return false;
    if (performance.now() > deadline)
      throw new Error(`The campaign is not fanned out after ${FAN_OUT_TIMEOUT_MS / 1000} s; the fan-out stalled.`);
    await sleep(POLL_MS);
  }
}

async function countsOf(db: Database, campaignId: string): Promise<Omit<FanOutRun, 'seconds' | 'finished'>> {
  const groups = await db.prisma.campaignRecipient.groupBy({
    by: ['outcome'],
    where: { campaignId },
    _count: { _all: true },
  });
  const outcomes = Object.fromEntries(groups.map((group) => [group.outcome, group._count._all]));
  return {
    audience: groups.reduce((sum, group) => sum + group._count._all, 0),
    outcomes,
    outboxRows: await db.prisma.outboxMessage.count({ where: { campaignId } }),
  };
}

/** The baseline: every member's id by primary key, a batch after the last, the way the fan-out enrols them. */
async function readEveryMemberId(db: Database): Promise<number> {
  const t0 = performance.now();
  let after: string | undefined;
  for (;;) {
    const batch = await db.prisma.member.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: FAN_OUT_BATCH,
      select: { id: true },
    });
    if (batch.length < FAN_OUT_BATCH) break;
    after = batch.at(-1)!.id;
  }
  return (performance.now() - t0) / 1000;
}

function latencyOf(latencies: number[]): ChatLatency {
  return { ...percentiles(latencies), requests: latencies.length, perSecond: PRESSES_PER_SECOND };
}

/**
 * Twenty seconds of the dispatcher working through the campaigns' 200,000
 * waiting messages, by the stand-in's clock; and the busiest second of every
 * send since the first campaign started.
 */
async function watchSending(bot: FakeBotApi): Promise<CampaignsBench['sending']> {
  const from = Date.now();
  await sleep(SENDING_SECONDS * 1000);
  const until = from + SENDING_SECONDS * 1000;
  const accepted = bot
    .callsTo('sendMessage')
    .filter((sent) => sent.rejectedWith === undefined)
    .map((sent) => sent.at);
  const window = accepted.filter((at) => at >= from && at < until);
  return {
    ...sendRate(window, TELEGRAM_PER_SECOND),
    seconds: SENDING_SECONDS,
    limitPerSecond: TELEGRAM_PER_SECOND,
    busiestSecondOfRun: sendRate(accepted, TELEGRAM_PER_SECOND).busiestSecond,
    sentInRun: accepted.length,
  };
}

/** An admin call to the REST API; anything but a 2xx stops the bench with the answer. */
async function call<T = unknown>(app: RunningApp, method: string, path: string, body?: unknown): Promise<T> {
  const contentType = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body !== undefined && { 'content-type': contentType }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`The bench got ${response.status} for ${method} ${path}: ${text}`);
  return JSON.parse(text) as T;
}
