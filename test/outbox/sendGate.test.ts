// The rate gate on simulated time: sends start as early as it allows, their
// answers come back after a latency, and the platform may see each request
// anywhere in between. No window may hold more than the limit.
import { describe, expect, it } from 'vitest';
import { createSendGate, type RateLimits } from '../../core/outbox/sendGate.ts';

interface Send {
  address: string;
  start: number;
  end: number;
}

/** A stretch of time in which the process does not run: whatever falls due in it happens at its end. */
interface Stall {
  at: number;
  ms: number;
}

/** Runs `addresses` (one send each, in order) through a gate; each answer takes `latency(i)` ms. */
function simulate(
  limits: RateLimits,
  addresses: string[],
  latency: (index: number) => number,
  stall?: Stall,
  gate = createSendGate(limits),
  start = 0,
): Send[] {
  const sends: Send[] = [];
  const inFlight: Send[] = [];
  const running = (at: number) => (stall && at >= stall.at && at < stall.at + stall.ms ? stall.at + stall.ms : at);
  let now = start;
  for (const [index, address] of addresses.entries()) {
    for (;;) {
      const readyAt = Math.max(gate.channelReadyAt(now), gate.addressReadyAt(address));
      if (readyAt <= now) break;
      const nextEnd = Math.min(...inFlight.map((send) => send.end));
      now = running(Math.min(readyAt, nextEnd));
      // Answers arrive in time order, as they do in a real process.
      for (const done of inFlight.filter((send) => send.end <= now).sort((a, b) => a.end - b.end)) {
        gate.end(done.address, done.end);
        inFlight.splice(inFlight.indexOf(done), 1);
      }
    }
    gate.begin(address, now);
    const send = { address, start: now, end: now + latency(index) };
    sends.push(send);
    inFlight.push(send);
  }
  return sends;
}

/**
 * However the requests are delayed, the platform sees at most `limit` in any
 * window. Sends that could all arrive within one window are those whose
 * latest start comes less than a window after their earliest answer; so for
 * every send, those started no later whose answer came less than a window
 * before it started (or not at all yet) must be at most `limit`, itself included.
 */
function assertWindow(sends: Send[], limit: number, windowMs: number): void {
  for (const latest of sends) {
    const together = sends.filter((send) => send.start <= latest.start && send.end + windowMs > latest.start);
    expect(together.length).toBeLessThanOrEqual(limit);
  }
}

describe('the send gate', () => {
  it('keeps the platform from seeing more than the overall limit in any second, whatever the latency', () => {
    const addresses = Array.from({ length: 300 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 1_000 }, addresses, (i) => 5 + ((i * 37) % 90));
    assertWindow(sends, 30, 1_000);
  });

  it('reaches the limit when answers come back quickly', () => {
    const addresses = Array.from({ length: 600 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 1_000 }, addresses, () => 2);
    const seconds = (sends.at(-1)!.start - sends[0]!.start) / 1000;
    expect((sends.length - 1) / seconds).toBeGreaterThan(29);
  });

  it('spreads sends instead of firing the whole second at once', () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 0 }, addresses, () => 1);
    expect(sends.filter((send) => send.start === 0).length).toBeLessThanOrEqual(5);
  });

  it('makes up a stall at once, as far as the window allows, instead of moving every later send back by it', () => {
    const addresses = Array.from({ length: 200 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 0 }, addresses, () => 1, { at: 1_500, ms: 400 });
    assertWindow(sends, 30, 1_000);
    // At 30 per 1,001 ms, 120 start in the first four seconds; paced from the stall's end on, only 111 would.
    expect(sends.filter((send) => send.start < 4_000).length).toBeGreaterThanOrEqual(118);
  });

  it('spreads the first second again once the lane went quiet', () => {
    const limits = { perSecond: 30, perAddressIntervalMs: 0 };
    const gate = createSendGate(limits);
    const chats = (from: number) => Array.from({ length: 30 }, (_, i) => `chat-${from + i}`);
    simulate(limits, chats(0), () => 1, undefined, gate);
    gate.quiet();
    const later = simulate(limits, chats(30), () => 1, undefined, gate, 10_000);
    expect(later.filter((send) => send.start === 10_000).length).toBeLessThanOrEqual(5);
  });

  it('waits the per-address interval after the previous answer to the same address', () => {
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 1_000 }, ['anna', 'anna', 'anna'], () => 40);
    expect(sends.map((send) => send.start)).toEqual([0, 1_040, 2_080]);
  });

  it('allows rates below one per second by widening the window', () => {
    const sends = simulate({ perSecond: 0.5, perAddressIntervalMs: 0 }, ['a', 'b', 'c'], () => 10);
    assertWindow(sends, 1, 2_000);
  });

  it('starts nothing on the channel during a pause, and nothing to a held address before its hold ends', () => {
    const gate = createSendGate({ perSecond: 30, perAddressIntervalMs: 0 });
    gate.pauseChannel(1_000);
    expect(gate.channelReadyAt(10)).toBe(1_000);
    gate.holdAddress('anna', 5_000);
    expect(gate.addressReadyAt('anna')).toBe(5_000);
    expect(gate.heldUntil('anna')).toBe(5_000);
    expect(gate.addressReadyAt('boris')).toBeLessThanOrEqual(0);
  });

  it('counts a call that carries many addresses against the channel once, and each address as busy until its answer', () => {
    const calls = createSendGate({ perSecond: 1, perAddressIntervalMs: 0 });
    const messages = createSendGate({ perSecond: 30, perAddressIntervalMs: 0, perAddressPerHour: 1 });
    calls.beginCall(0);
    for (const address of ['anna', 'boris']) messages.beginAddress(address);
    expect(calls.channelReadyAt(0)).toBe(Infinity);
    expect(messages.channelReadyAt(0)).toBe(0);
    expect(messages.addressReadyAt('anna')).toBe(Infinity);

    calls.endCall(40);
    for (const address of ['anna', 'boris']) messages.endAddress(address, 40);

    expect(calls.channelReadyAt(40)).toBe(1_040);
    expect(messages.addressReadyAt('boris')).toBe(40 + 60 * 60 * 1000);
  });

  it('refuses a rate that is not above zero', () => {
    expect(() => createSendGate({ perSecond: 0, perAddressIntervalMs: 0 })).toThrow('above 0 messages per second');
  });
});

describe('an hourly cap per address (Viber: 100 unanswered messages an hour to one person)', () => {
  const HOUR = 60 * 60 * 1000;
  const limits: RateLimits = { perSecond: 1_000, perAddressIntervalMs: 0, perAddressPerHour: 100 };

  it('lets 100 messages to one person go within the hour and holds the 101st until the first leaves the hour', () => {
    const sends = simulate(
      limits,
      Array.from({ length: 101 }, () => 'anna'),
      () => 5,
    );

    expect(sends[99]!.start).toBeLessThan(HOUR);
    expect(sends[100]!.start).toBeGreaterThanOrEqual(sends[0]!.end + HOUR);
  });

  it('does not hold other people back', () => {
    const sends = simulate(limits, [...Array.from({ length: 100 }, () => 'anna'), 'boris', 'anna'], () => 5);

    const boris = sends.find((send) => send.address === 'boris')!;
    expect(boris.start).toBeLessThan(HOUR);
  });
});
