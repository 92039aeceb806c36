import { setTimeout as sleep } from 'node:timers/promises';
import type { WebChatVisitor } from './webChatVisitor.ts';

/**
 * Presses `payload` at a steady `perSecond`, taking the visitors in turn,
 * for as long as `keepGoing()` says, and resolves with each press's latency
 * in ms counted from the moment it was due, not from when it went out: the
 * people in a chat do not wait for the server before they press, so a
 * server that stalls for a second makes a second's worth of presses late,
 * not one (what a client sending one request after another would report).
 */
export async function pressSteadily(
  visitors: readonly WebChatVisitor[],
  payload: string,
  perSecond: number,
  keepGoing: (elapsedMs: number) => boolean,
): Promise<number[]> {
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let n = 0; ; n += 1) {
    const due = start + (n * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (!keepGoing(due - start)) break;
    const visitor = visitors[n % visitors.length]!;
    inFlight.push(visitor.press(payload).then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(inFlight);
  return latencies;
}
