// The rate gate on simulated time: sends start as early as it allows and
// their answers come back after a latency. No window may hold more than the
// limit's starts, however long the answers take, and a backlog goes at the limit.
import { describe, expect, it } from 'vitest';
import { createSendGate, type RateLimits } from '../../core/outbox/sendGate.ts';

interface Send {
  address: string;
  start: number;
  end: number;
}

/** Runs `addresses` (one send each, in order) through a gate; each answer takes `latency(i)` ms. */
function simulate(limits: RateLimits, addresses: string[], latency: (index: number) => number): Send[] {
  const gate = createSendGate(limits);
  const sends: Send[] = [];
  const inFlight: Send[] = [];
  let now = 0;
  for (const [index, address] of addresses.entries()) {
    for (;;) {
      const readyAt = Math.max(gate.channelReadyAt(now), gate.addressReadyAt(address));
      if (readyAt <= now) break;
      const nextEnd = Math.min(...inFlight.map((send) => send.end));
      now = Math.min(readyAt, nextEnd);
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

/** The most sends started within any half-open window [t, t + windowMs). */
function mostStartsInAnyWindow(sends: Send[], windowMs: number): number {
  const starts = sends.map((send) => send.start).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < starts.length; last += 1) {
    while (starts[last]! - starts[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Sends per second from the first start to the last. */
function ratePerSecond(sends: Send[]): number {
  return (sends.length - 1) / ((sends.at(-1)!.start - sends[0]!.start) / 1000);
}

describe('the send gate', () => {
  it('starts no more than the overall limit in any second, whatever the latency', () => {
    const addresses = Array.from({ length: 300 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 1_000 }, addresses, (i) => 5 + ((i * 37) % 90));
    expect(mostStartsInAnyWindow(sends, 1_000)).toBe(30);
  });

  it('reaches the limit when answers come back quickly', () => {
    const addresses = Array.from({ length: 600 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 1_000 }, addresses, () => 2);
    expect(ratePerSecond(sends)).toBeGreaterThan(29.5);
  });

  it('reaches the limit however long the answers take: a send counts from its start, not its answer', () => {
    const addresses = Array.from({ length: 600 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 1_000 }, addresses, () => 400);
    // Counted until each answer came back, 30 per 1.4 s would be 21.4/s.
    expect(ratePerSecond(sends)).toBeGreaterThan(29.5);
    expect(mostStartsInAnyWindow(sends, 1_000)).toBe(30);
  });

  it('spreads sends instead of firing the whole second at once', () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `chat-${i}`);
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 0 }, addresses, () => 1);
    expect(sends.filter((send) => send.start === 0).length).toBeLessThanOrEqual(5);
  });

  it('waits the per-address interval after the previous answer to the same address', () => {
    const sends = simulate({ perSecond: 30, perAddressIntervalMs: 1_000 }, ['anna', 'anna', 'anna'], () => 40);
    expect(sends.map((send) => send.start)).toEqual([0, 1_040, 2_080]);
  });

  it('allows rates below one per second by widening the window', () => {
    const sends = simulate({ perSecond: 0.5, perAddressIntervalMs: 0 }, ['a', 'b', 'c'], () => 10);
    expect(mostStartsInAnyWindow(sends, 2_000)).toBe(1);
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

  it('counts a broadcast call against the channel once, until its answer, and each address as busy until its answer', () => {
    const calls = createSendGate({ perSecond: 1, perAddressIntervalMs: 0 }, { untilAnswered: true });
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

  it('counts a single send from its start: its answer does not hold the next one back', () => {
    const gate = createSendGate({ perSecond: 1, perAddressIntervalMs: 0 });
    gate.begin('anna', 0);
    const next = gate.channelReadyAt(0);
    expect(next).toBeGreaterThanOrEqual(1_000);
    expect(next).toBeLessThan(1_040);
    gate.end('anna', 400);
    expect(gate.channelReadyAt(400)).toBe(next);
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
