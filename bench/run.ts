// `npm run bench`'s entry: it only chooses which benchmarks run and prints their figures, one small report function
// each, past 300 lines because there is one per benchmark. The measuring lives in each `*.bench.ts` beside it.
import { describeMachine } from './machine.ts';
import type { RunFigures } from './latency.ts';
import { benchTelegramUpdates } from './telegramUpdates.bench.ts';
import { benchViberUpdates } from './viberUpdates.bench.ts';
import { benchDispatcher } from './dispatcher.bench.ts';
import { benchPurchases } from './purchases.bench.ts';
import { benchUnderstanding, type Timing } from './understanding.bench.ts';
import { BASELINE_KIND, benchMemberSearch } from './memberSearch.bench.ts';
import { benchQuizzes } from './quizzes.bench.ts';
import { benchSurveys } from './surveys.bench.ts';
import { benchSegments } from './segments.bench.ts';
import { benchCampaigns, type ChatLatency } from './campaigns.bench.ts';
import { benchDraws } from './draws.bench.ts';
import { benchContestVotes } from './contestVotes.bench.ts';
import { benchScoring, SEGMENTS as SCORE_SEGMENTS } from './scoring.bench.ts';
import { benchAnalytics } from './analytics.bench.ts';

/** `npm run bench`: every benchmark, its figures and the machine they ran on; `BENCH_ONLY=telegram|purchases|outbox|understanding|members|quizzes|surveys|segments|campaigns|draws|contests|scoring|analytics` runs one (`BENCH_ANALYTICS_SCALE=0.1` seeds a tenth of the analytics data set; `telegram` and `viber` run the two channels together; `BENCH_PROVIDER=sqlite|postgresql` limits members to one database; `BENCH_MEMBERS_LEDGER=5000000` gives members the issue's full 5,000,000 ledger entries). */
async function main(): Promise<void> {
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Date: ${new Date().toISOString()}\n`);
  const only = process.env.BENCH_ONLY;
  if (only === undefined || only === 'telegram' || only === 'viber') await reportChannels();
  if (only === undefined || only === 'purchases') await reportPurchases();
  if (only === undefined || only === 'outbox') await reportOutbox();
  if (only === undefined || only === 'understanding') await reportUnderstanding();
  if (only === undefined || only === 'members') await reportMembers();
  if (only === undefined || only === 'quizzes') await reportQuizzes();
  if (only === undefined || only === 'surveys') await reportSurveys();
  if (only === undefined || only === 'segments') await reportSegments();
  if (only === undefined || only === 'campaigns') await reportCampaigns();
  if (only === undefined || only === 'draws') await reportDraws();
  if (only === undefined || only === 'contests') await reportContestVotes();
  if (only === undefined || only === 'scoring') await reportScoring();
  if (only === undefined || only === 'analytics') await reportAnalytics();
}

async function reportAnalytics(): Promise<void> {
  const providers = process.env.BENCH_PROVIDER ? [process.env.BENCH_PROVIDER] : ['sqlite', 'postgresql'];
  for (const provider of providers as ('sqlite' | 'postgresql')[]) {
    const bench = await benchAnalytics(provider);
    if ('skipped' in bench) {
      console.log(`\nAnalytics reports on ${provider}: skipped (${bench.skipped})`);
      continue;
    }
    const { sizes } = bench;
    const n = (value: number) => value.toLocaleString('en');
    console.log(
      `\nAnalytics reports on ${provider}: ${n(sizes.members)} members, ${n(sizes.purchases)} purchases, ${n(sizes.ledger)} ledger entries, ${n(sizes.answers)} survey answers (seeded in ${bench.seedSeconds.toFixed(0)} s), loopback HTTP one at a time:`,
    );
    console.log(
      `  rebuilding the roll-ups from raw rows (npm run analytics:rebuild)  ${bench.rebuildSeconds.toFixed(1)} s`,
    );
    const baseline = bench.kinds[BASELINE_KIND]!;
    for (const [kind, t] of Object.entries(bench.kinds))
      console.log(
        `  ${kind.padEnd(46)} p50 ${t.p50Ms.toFixed(1).padStart(7)} ms   p95 ${t.p95Ms.toFixed(1).padStart(7)} ms${kind === BASELINE_KIND ? '' : `   p95 ${(t.p95Ms / baseline.p95Ms).toFixed(1)}x the baseline's`}`,
      );
    const reports = Object.entries(bench.kinds).filter(([kind]) => kind !== BASELINE_KIND);
    const worst = Math.max(...reports.map(([, t]) => t.p95Ms));
    console.log(
      `  target: p95 ≤ 500 ms for every report — ${verdict(worst <= 500)} (worst p95 ${worst.toFixed(1)} ms)`,
    );
  }
}

async function reportScoring(): Promise<void> {
  const providers = process.env.BENCH_PROVIDER ? [process.env.BENCH_PROVIDER] : ['sqlite', 'postgresql'];
  for (const provider of providers as ('sqlite' | 'postgresql')[]) {
    const bench = await benchScoring(provider);
    if ('skipped' in bench) {
      console.log(`\nScoring on ${provider}: skipped (${bench.skipped})`);
      continue;
    }
    console.log(
      `\nScoring on ${provider}: ${bench.members.toLocaleString('en')} members, ${bench.purchases.toLocaleString('en')} purchases (seeded in ${bench.seedSeconds.toFixed(0)} s):`,
    );
    console.log(`  GROUP BY of the purchases by member (baseline)  ${bench.baselineSeconds.toFixed(2).padStart(6)} s`);
    console.log(
      `  the first scoring run, with the trend's past    ${bench.jobSeconds.toFixed(2).padStart(6)} s   ${(bench.jobSeconds / bench.baselineSeconds).toFixed(1)}x the baseline's`,
    );
    console.log(
      `  a daily scoring run, every member               ${bench.dailySeconds.toFixed(2).padStart(6)} s   ${(bench.dailySeconds / bench.baselineSeconds).toFixed(1)}x the baseline's`,
    );
    const baseline = bench.kinds[BASELINE_KIND]!;
    for (const [kind, t] of Object.entries(bench.kinds))
      console.log(
        `  ${kind.padEnd(46)} p50 ${t.p50Ms.toFixed(1).padStart(7)} ms   p95 ${t.p95Ms.toFixed(1).padStart(7)} ms${kind === BASELINE_KIND ? '' : `   p95 ${(t.p95Ms / baseline.p95Ms).toFixed(1)}x the baseline's`}`,
      );
    const reports = Object.entries(bench.kinds).filter(([kind]) => kind !== BASELINE_KIND && !(kind in SCORE_SEGMENTS));
    const worst = Math.max(...reports.map(([, t]) => t.p95Ms));
    console.log(`  target: a report in <= 500 ms — ${verdict(worst <= 500)} (worst p95 ${worst.toFixed(1)} ms)`);
    const counts = Object.entries(bench.kinds).filter(([kind]) => kind in SCORE_SEGMENTS);
    const slowest = Math.max(...counts.map(([, t]) => t.p95Ms));
    console.log(
      `  target: a segment count in <= 300 ms — ${verdict(slowest <= 300)} (worst p95 ${slowest.toFixed(1)} ms)`,
    );
  }
}

async function reportDraws(): Promise<void> {
  const providers = process.env.BENCH_PROVIDER ? [process.env.BENCH_PROVIDER] : ['sqlite', 'postgresql'];
  for (const provider of providers as ('sqlite' | 'postgresql')[]) {
    const bench = await benchDraws(provider);
    if ('skipped' in bench) {
      console.log(`\nA prize draw on ${provider}: skipped (${bench.skipped})`);
      continue;
    }
    console.log(
      `\nA prize draw on ${provider} over ${bench.entries.toLocaleString('en')} entries of ${bench.members.toLocaleString('en')} members, run once through the store (close, read, digest, key, HMAC per entry, ${bench.winners} winners, commit):`,
    );
    console.log(
      `  SHA-256 of every entry id once, in memory (baseline)  ${bench.baselineSeconds.toFixed(2).padStart(6)} s`,
    );
    console.log(
      `  the draw                                              ${bench.drawSeconds.toFixed(2).padStart(6)} s   ${(bench.drawSeconds / bench.baselineSeconds).toFixed(1)}x the baseline's`,
    );
    console.log(
      `    of which reading the entries                        ${bench.readSeconds.toFixed(2).padStart(6)} s`,
    );
    console.log(
      `    of which the computation, once read                 ${bench.computeSeconds.toFixed(2).padStart(6)} s`,
    );
    console.log(`  (seeding the entries took ${bench.seedSeconds.toFixed(1)} s)`);
    console.log(`  target: a draw in < 10 s — ${verdict(bench.drawSeconds < 10)}`);
  }
}

async function reportContestVotes(): Promise<void> {
  const bench = await benchContestVotes();
  console.log(
    `\nContest votes on SQLite: ${bench.voters.toLocaleString('en')} voters at once, each tapping three entries (limit 3) and the first one twice:`,
  );
  console.log(`  votes through the slot-constrained store  ${bench.votesPerSecond.toFixed(0).padStart(7)} votes/s`);
  console.log(`  plain inserts, slots known (baseline)     ${bench.baselinePerSecond.toFixed(0).padStart(7)} votes/s`);
  console.log(`  votes counted ${bench.counted} of ${bench.expected} expected (each voter's limit, double taps once)`);
}

async function reportCampaigns(): Promise<void> {
  const providers = process.env.BENCH_PROVIDER ? [process.env.BENCH_PROVIDER] : ['sqlite', 'postgresql'];
  for (const provider of providers as ('sqlite' | 'postgresql')[]) {
    const bench = await benchCampaigns(provider);
    if ('skipped' in bench) {
      console.log(`\nCampaigns on ${provider}: skipped (${bench.skipped})`);
      continue;
    }
    const { fanOut, fanOutUnderChat: second, chat, sending } = bench;
    console.log(
      `\nA campaign on ${provider}: ${bench.members.toLocaleString('en')} opted-in members with a Telegram chat each (seeded in ${bench.seedSeconds.toFixed(0)} s), no holdout, started over the REST API; the whole application on loopback, its dispatcher sending to a Bot API stand-in:`,
    );
    console.log(
      `  reading every member's id, 500 at a time (baseline)  ${bench.baselineSeconds.toFixed(2).padStart(6)} s`,
    );
    console.log(
      `  time to fan out                                      ${fanOut.seconds.toFixed(2).padStart(6)} s   ${(fanOut.seconds / bench.baselineSeconds).toFixed(1)}x the baseline's   (${describeFanOut(fanOut)})`,
    );
    console.log(`  target: a fan-out in <= 10 s — ${verdict(fanOut.seconds <= 10)}`);
    console.log(
      `  chat latency, web chat members pressing "menu:balance" over loopback HTTP, ${chat.idle.perSecond} presses/s, each timed from when it was due:`,
    );
    console.log(`    idle                       ${formatLatency(chat.idle)}`);
    console.log(
      `    while a campaign fans out  ${formatLatency(chat.duringFanOut)}   p99 ${(chat.duringFanOut.p99Ms / chat.idle.p99Ms).toFixed(1)}x idle's`,
    );
    console.log(
      `    (a second campaign to the same members, ${second.finished ? `fanned out in ${second.seconds.toFixed(2)} s` : `cancelled unfinished after ${second.seconds.toFixed(2)} s`}: ${describeFanOut(second)})`,
    );
    console.log(
      `  target: p99 while it fans out within 2x idle's — ${verdict(chat.duringFanOut.p99Ms <= 2 * chat.idle.p99Ms)}`,
    );
    console.log(
      `  sending: ${sending.seconds} s of the outbox working through the campaigns' messages, limit ${sending.limitPerSecond}/s overall and 1/s per chat:`,
    );
    console.log(
      `    achieved ${sending.achievedPerSecond.toFixed(1)} messages/s = ${(sending.share * 100).toFixed(1)} % of the limit; busiest second ${sending.busiestSecond}; busiest second since the first campaign started ${sending.busiestSecondOfRun} (${sending.sentInRun.toLocaleString('en')} messages sent in all)`,
    );
    const never = Math.max(sending.busiestSecond, sending.busiestSecondOfRun) <= sending.limitPerSecond;
    console.log(`  target: >= 97 % of the limit and never above it — ${verdict(sending.share >= 0.97 && never)}`);
  }
}

function describeFanOut(run: { audience: number; outcomes: Record<string, number>; outboxRows: number }): string {
  const outcomes = Object.entries(run.outcomes)
    .map(([outcome, count]) => `${count.toLocaleString('en')} ${outcome}`)
    .join(', ');
  return `${run.audience.toLocaleString('en')} enrolled: ${outcomes}; ${run.outboxRows.toLocaleString('en')} outbox rows`;
}

function formatLatency(t: ChatLatency): string {
  return `p50 ${t.p50Ms.toFixed(1).padStart(7)} ms   p95 ${t.p95Ms.toFixed(1).padStart(7)} ms   p99 ${t.p99Ms.toFixed(1).padStart(7)} ms   (${t.requests.toLocaleString('en')} presses)`;
}

async function reportSegments(): Promise<void> {
  const providers = process.env.BENCH_PROVIDER ? [process.env.BENCH_PROVIDER] : ['sqlite', 'postgresql'];
  for (const provider of providers as ('sqlite' | 'postgresql')[]) {
    const bench = await benchSegments(provider);
    if ('skipped' in bench) {
      console.log(`\nSegment counts on ${provider}: skipped (${bench.skipped})`);
      continue;
    }
    console.log(
      `\nSegment counts on ${provider}: ${bench.members.toLocaleString('en')} members with a chat each (seeded in ${bench.seedSeconds.toFixed(0)} s), POST /api/v1/segments/count (the count and the newest ten), loopback HTTP one at a time:`,
    );
    const baseline = bench.kinds[BASELINE_KIND]!;
    for (const [kind, t] of Object.entries(bench.kinds))
      console.log(
        `  ${kind.padEnd(52)} p50 ${t.p50Ms.toFixed(1).padStart(7)} ms   p95 ${t.p95Ms.toFixed(1).padStart(7)} ms${kind === BASELINE_KIND ? '' : `   p95 ${(t.p95Ms / baseline.p95Ms).toFixed(1)}x the baseline's`}`,
      );
    const counts = Object.entries(bench.kinds).filter(([kind]) => kind !== BASELINE_KIND);
    const worst = Math.max(...counts.map(([, t]) => t.p95Ms));
    console.log(`  target: a count in <= 300 ms — ${verdict(worst <= 300)} (worst p95 ${worst.toFixed(1)} ms)`);
  }
}

async function reportQuizzes(): Promise<void> {
  const bench = await benchQuizzes();
  console.log(
    `\nA quiz through the Telegram adapter on SQLite: ${bench.members.toLocaleString('en')} members playing at once, each answering its questions one after the other, Bot API answered in-process:`,
  );
  console.log(`  answers     ${format(bench.answers)}`);
  console.log(`  menu path   ${format(bench.menu)}`);
  console.log(`  bare echo   ${format(bench.echo)}`);
  console.log(`  database queries per answer: ${bench.queriesPerAnswer.toFixed(2)}`);
  console.log(
    `  attempts started ${bench.started}, completed and credited ${bench.scored}, of ${bench.members}; updates that failed: ${bench.failures}`,
  );
  if (bench.failures > 0) console.log(`  failed with: ${JSON.stringify(bench.failedWith)}`);
  console.log(
    `  answers / menu path throughput: ${(bench.answers.perSecond / bench.menu.perSecond).toFixed(3)} — target: at least the Telegram menu path's rate — ${verdict(bench.answers.perSecond >= bench.menu.perSecond)}`,
  );
}

async function reportSurveys(): Promise<void> {
  const providers = process.env.BENCH_PROVIDER ? [process.env.BENCH_PROVIDER] : ['sqlite', 'postgresql'];
  for (const provider of providers as ('sqlite' | 'postgresql')[]) {
    const bench = await benchSurveys(provider);
    if ('skipped' in bench) {
      console.log(`\nNPS and CSAT reports on ${provider}: skipped (${bench.skipped})`);
      continue;
    }
    console.log(
      `\nNPS and CSAT reports on ${provider}: ${bench.npsAnswers.toLocaleString('en')} NPS and ${bench.csatAnswers.toLocaleString('en')} CSAT answers over a year (seeded in ${bench.seedSeconds.toFixed(0)} s), loopback HTTP one at a time:`,
    );
    const baseline = bench.kinds[BASELINE_KIND]!;
    for (const [kind, t] of Object.entries(bench.kinds))
      console.log(
        `  ${kind.padEnd(46)} p50 ${t.p50Ms.toFixed(1).padStart(7)} ms   p95 ${t.p95Ms.toFixed(1).padStart(7)} ms${kind === BASELINE_KIND ? '' : `   p95 ${(t.p95Ms / baseline.p95Ms).toFixed(1)}x the baseline's`}`,
      );
    const reports = Object.entries(bench.kinds).filter(([kind]) => kind !== BASELINE_KIND);
    const worst = Math.max(...reports.map(([, t]) => t.p95Ms));
    console.log(`  target: under 300 ms for every report — ${verdict(worst < 300)} (worst p95 ${worst.toFixed(1)} ms)`);
  }
}

async function reportMembers(): Promise<void> {
  const providers = process.env.BENCH_PROVIDER ? [process.env.BENCH_PROVIDER] : ['sqlite', 'postgresql'];
  for (const provider of providers as ('sqlite' | 'postgresql')[]) {
    const bench = await benchMemberSearch(provider);
    if ('skipped' in bench) {
      console.log(`\nMember search on ${provider}: skipped (${bench.skipped})`);
      continue;
    }
    console.log(
      `\nMember search and a member's page on ${provider}: ${bench.members.toLocaleString('en')} members, ${bench.ledgerEntries.toLocaleString('en')} ledger entries (seeded in ${bench.seedSeconds.toFixed(0)} s), loopback HTTP round trips one at a time (an upper bound of server time):`,
    );
    const baseline = bench.kinds[BASELINE_KIND]!;
    for (const [kind, t] of Object.entries(bench.kinds)) {
      const beside = kind === BASELINE_KIND ? '' : `   p95 ${(t.p95Ms / baseline.p95Ms).toFixed(1)}x the baseline's`;
      console.log(
        `  ${kind.padEnd(46)} p50 ${t.p50Ms.toFixed(2).padStart(7)} ms   p95 ${t.p95Ms.toFixed(2).padStart(7)} ms   p99 ${t.p99Ms.toFixed(2).padStart(7)} ms${beside}`,
      );
    }
    const worst = Math.max(...Object.values(bench.kinds).map((t) => t.p95Ms));
    console.log(`  target: p95 <= 100 ms for every kind — ${verdict(worst <= 100)} (worst p95 ${worst.toFixed(2)} ms)`);
  }
}

/** Telegram and Viber in one run, so the two figures compare. */
async function reportChannels(): Promise<void> {
  const telegram = await reportTelegram();
  const viber = await benchViberUpdates();
  console.log(
    '\nViber updates through the webhook (signed POSTs into the route, signature checked), the same members and mix:',
  );
  console.log(`  assistant   ${format(viber.assistant)}`);
  console.log(`  database queries per update: ${viber.queriesPerUpdate.toFixed(2)}`);
  console.log(
    `  viber / telegram webhook throughput: ${(viber.assistant.perSecond / telegram.perSecond).toFixed(3)} — target: at least the Telegram path's rate — ${verdict(viber.assistant.perSecond >= telegram.perSecond)}`,
  );
}

/** Its webhook figure: Viber has only a webhook, so that is the path the two compare on. */
async function reportTelegram(): Promise<RunFigures> {
  const telegram = await benchTelegramUpdates();
  console.log('Telegram updates, 10,000 members on SQLite, Bot API answered in-process:');
  console.log(`  assistant   ${format(telegram.assistant)}`);
  console.log(`  webhook     ${format(telegram.webhook)}   (the same updates POSTed into the route, secret checked)`);
  console.log(`  bare echo   ${format(telegram.echo)}`);
  console.log(`  assistant / echo throughput: ${(telegram.assistant.perSecond / telegram.echo.perSecond).toFixed(3)}`);
  console.log(`  database queries per update: ${telegram.queriesPerUpdate.toFixed(2)}`);
  console.log(
    `  target: >= 1000 updates/s and p99 < 20 ms — ${verdict(telegram.assistant.perSecond >= 1000 && telegram.assistant.p99Ms < 20)}`,
  );
  return telegram.webhook;
}

async function reportPurchases(): Promise<void> {
  const purchases = await benchPurchases();
  console.log(
    `\nPurchases through the REST API on SQLite, loopback HTTP, Idempotency-Keys, 1,000 members, ${purchases.concurrency} in flight:`,
  );
  console.log(
    `  ${format(purchases.figures).replace('updates/s', 'purchases/s').replace('updates in', 'purchases in')}`,
  );
  if (Object.keys(purchases.unexpected).length > 0)
    console.log(`  answers other than 201: ${JSON.stringify(purchases.unexpected)}`);
  console.log(`  SQL statements per purchase: ${purchases.statementsPerPurchase.toFixed(2)}`);
  if (purchases.cpuMsPerPurchase !== null)
    console.log(
      `  server main-thread CPU per purchase: ${purchases.cpuMsPerPurchase.toFixed(2)} ms (the ceiling it sets: ${(1000 / purchases.cpuMsPerPurchase).toFixed(0)} purchases/s)`,
    );
  console.log(
    `  target: >= 500 purchases/s and p99 < 50 ms — ${verdict(purchases.figures.perSecond >= 500 && purchases.figures.p99Ms < 50 && Object.keys(purchases.unexpected).length === 0)}`,
  );
}

async function reportOutbox(): Promise<void> {
  const outbox = await benchDispatcher();
  console.log(
    `\nOutbox dispatcher on SQLite: a campaign of ${outbox.messages} messages to as many Telegram chats, Bot API stand-in over loopback HTTP, limit ${outbox.configuredPerSecond}/s:`,
  );
  console.log(
    `  achieved ${outbox.achievedPerSecond.toFixed(1)} messages/s = ${(outbox.share * 100).toFixed(1)} % of the limit; busiest second ${outbox.busiestSecond} (${outbox.seconds.toFixed(2)} s in all)`,
  );
  console.log(
    `  target: >= 95 % of the limit and never above it — ${verdict(outbox.share >= 0.95 && outbox.busiestSecond <= outbox.configuredPerSecond)}`,
  );
}

async function reportUnderstanding(): Promise<void> {
  const u = await benchUnderstanding();
  const ms = (t: Timing) => `median ${t.medianMs.toFixed(3)} ms   p99 ${t.p99Ms.toFixed(3)} ms`;
  console.log(`\nUnderstanding typed text (NLP.js, ru/ro/en corpus), ${u.messages} held-out and off-topic messages:`);
  console.log(`  start-up, training the classifier   ${ms(u.training.classifier)}`);
  console.log(`  start-up, a plain lookup table      ${ms(u.training.lookup)}`);
  console.log(`  per message, the classifier         ${ms(u.perMessage.classifier)}`);
  console.log(`  per message, the plain lookup       ${ms(u.perMessage.lookup)}`);
}

function format(f: RunFigures): string {
  return `${f.perSecond.toFixed(0).padStart(7)} updates/s   p50 ${f.p50Ms.toFixed(2)} ms   p99 ${f.p99Ms.toFixed(2)} ms   (${f.count} updates in ${f.seconds.toFixed(2)} s)`;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

await main();
