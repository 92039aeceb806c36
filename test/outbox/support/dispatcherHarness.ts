// A dispatcher delivering to the fake Bot API over HTTP, with short retry
// delays, and the measurements the tests assert on: the fake's own record of
// when each call arrived.
import { Api } from 'grammy';
import { silentLogger } from '../../../core/logger.ts';
import { createDispatcher, type Dispatcher, type DispatcherSettings } from '../../../core/outbox/dispatcher.ts';
import type { RateLimits } from '../../../core/outbox/sendGate.ts';
import type { Sender, SendResult } from '../../../core/outbox/sender.ts';
import type { Database } from '../../../core/storage/db/openDatabase.ts';
import { createOutboxStore } from '../../../core/storage/outbox/createOutboxStore.ts';
import { createTelegramSender } from '../../../bots/telegram/sendTelegramMessage.ts';
import type { FakeBotApi, FakeBotCall } from '../../support/fakeBotApi.ts';
import { statusCounts } from './outboxFixtures.ts';

export const testSettings: Partial<DispatcherSettings> = {
  pollIntervalMs: 100,
  retry: { baseMs: 100, capMs: 1_000, maxAttempts: 10 },
};

/** When the dispatcher started a send and when it learned the outcome, by its own clock. */
export interface SendRecord {
  text: string;
  startedAt: number;
  endedAt?: number;
  result?: SendResult;
}

export function telegramDispatcher(
  db: Database,
  fake: FakeBotApi,
  limits: RateLimits,
  settings: Partial<DispatcherSettings> = {},
  sends?: SendRecord[],
): Dispatcher {
  // Like the application: an Api of its own, without auto-retry.
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  const send = createTelegramSender(api);
  const observed: Sender = async (address, message) => {
    const record: SendRecord = { text: message.text, startedAt: performance.now() };
    sends?.push(record);
    record.result = await send(address, message);
    record.endedAt = performance.now();
    return record.result;
  };
  return createDispatcher({
    store: createOutboxStore(db),
    senders: { telegram: observed },
    limits: { telegram: limits },
    settings: { ...testSettings, ...settings },
    log: silentLogger,
  });
}

/** Waits until no message is pending or being sent any more. */
export async function settledOutbox(db: Database, timeoutMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await statusCounts(db);
    if (!counts.pending && !counts.sending) return counts;
    if (Date.now() > deadline)
      throw new Error(`the outbox did not settle within ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function accepted(calls: FakeBotCall[]): FakeBotCall[] {
  return calls.filter((call) => call.rejectedWith === undefined);
}

/** How many times each text was accepted by the fake. */
export function deliveriesByText(calls: FakeBotCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of accepted(calls)) {
    const text = String(call.payload.text ?? call.payload.caption);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
}

/** The most calls that arrived within any half-open window [t, t + windowMs). */
export function mostInAnyWindow(times: number[], windowMs = 1_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** The same, per chat: the busiest chat's count. */
export function mostToOneChatInAnyWindow(calls: FakeBotCall[], windowMs = 1_000): number {
  const byChat = new Map<string, number[]>();
  for (const call of calls) {
    const chat = String(call.payload.chat_id);
    byChat.set(chat, [...(byChat.get(chat) ?? []), call.at]);
  }
  return Math.max(0, ...[...byChat.values()].map((times) => mostInAnyWindow(times, windowMs)));
}
