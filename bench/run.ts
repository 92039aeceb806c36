import { describeMachine } from './machine.ts';
import type { RunFigures } from './latency.ts';
import { benchTelegramUpdates } from './telegramUpdates.bench.ts';

/** `npm run bench`: every benchmark, its figures and the machine they ran on. */
async function main(): Promise<void> {
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Date: ${new Date().toISOString()}\n`);
  const telegram = await benchTelegramUpdates();
  console.log('Telegram updates, 10,000 members on SQLite, Bot API answered in-process:');
  console.log(`  assistant   ${format(telegram.assistant)}`);
  console.log(`  bare echo   ${format(telegram.echo)}`);
  console.log(`  assistant / echo throughput: ${(telegram.assistant.perSecond / telegram.echo.perSecond).toFixed(3)}`);
  console.log(`  database queries per update: ${telegram.queriesPerUpdate.toFixed(2)}`);
  console.log(`  target: >= 1000 updates/s and p99 < 20 ms — ${verdict(telegram.assistant.perSecond >= 1000 && telegram.assistant.p99Ms < 20)}`);
}

function format(f: RunFigures): string {
  return `${f.perSecond.toFixed(0).padStart(7)} updates/s   p50 ${f.p50Ms.toFixed(2)} ms   p99 ${f.p99Ms.toFixed(2)} ms   (${f.count} updates in ${f.seconds.toFixed(2)} s)`;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

await main();
