/** A channel's flood limits, e.g. Telegram: 30 per second overall, one per second per chat. */
export interface RateLimits {
  /** Sends per second on the whole channel (may be below 1, e.g. 0.5). */
  perSecond: number;
  /** Least time between two sends to one address, in ms; 0 for none. */
  perAddressIntervalMs: number;
  /**
   * Sends to one address within any hour, at most (Viber refuses more than
   * 100 unanswered messages an hour to one person). Every send counts,
   * answered or not: the lane cannot see replies, and erring this way only
   * delays a 101st message in an hour, which no programme sends.
   */
  perAddressPerHour?: number;
}

/**
 * Decides when a send may start on one channel. Times are ms since the epoch.
 *
 * A send counts against the limits from the moment it starts until its answer
 * came back, plus the window (overall) or the interval (per address). The
 * platform receives a request somewhere between those two moments, so however
 * the network delays it, the platform never sees more than the limit in any
 * window — which counting from the start (or from the moment the request is
 * written) could not promise: on a loaded machine a request may reach the
 * platform hundreds of ms after it left, so requests sent a second apart can
 * arrive together (an attempt that counted from the start let the Bot API
 * stand-in see 45 in one second). The price is one round trip per window, a
 * few ms on loopback; the larger losses, a lane waiting for the table or a
 * stalled process, are made up by claiming ahead and by the pacer's catch-up.
 */
export interface SendGate {
  /** When the next send may start on the channel as a whole; Infinity while every slot is in flight. */
  channelReadyAt(now: number): number;
  /** When a send to this address may start; Infinity while one to it is in flight. */
  addressReadyAt(address: string): number;
  begin(address: string, now: number): void;
  end(address: string, now: number): void;
  /** One call that carries many addresses (a broadcast): it counts against the channel alone. */
  beginCall(now: number): void;
  endCall(now: number): void;
  /** An address carried by another gate's call: it counts against the address's limits alone. */
  beginAddress(address: string): void;
  endAddress(address: string, now: number): void;
  /** The lane has nothing waiting for the channel: its next send starts a fresh, evenly spread schedule. */
  quiet(): void;
  /** Nothing starts on the channel before `until` (a 429's retry_after). */
  pauseChannel(until: number): void;
  /** The end of the current pause; in the past when there is none. */
  pausedUntil(): number;
  /** Nothing starts to this address before `until` (its message is waiting for a retry). */
  holdAddress(address: string, until: number): void;
  /** The end of the address's hold; in the past when it has none. */
  heldUntil(address: string): number;
}

export function createSendGate(limits: RateLimits): SendGate {
  const channel = channelLimit(limits);
  const addresses = addressSpacing(limits.perAddressIntervalMs, limits.perAddressPerHour ?? Infinity);
  return {
    channelReadyAt: (now) => channel.readyAt(now),
    addressReadyAt: (address) => addresses.readyAt(address),
    begin(address, now) {
      channel.begin(now);
      addresses.begin(address);
    },
    end(address, now) {
      channel.end(now);
      addresses.end(address, now);
    },
    beginCall: (now) => channel.begin(now),
    endCall: (now) => channel.end(now),
    beginAddress: (address) => addresses.begin(address),
    endAddress: (address, now) => addresses.end(address, now),
    quiet: () => channel.quiet(),
    pauseChannel: (until) => channel.pause(until),
    pausedUntil: () => channel.pausedUntil(),
    holdAddress: (address, until) => addresses.hold(address, until),
    heldUntil: (address) => addresses.heldUntil(address),
  };
}

/** The channel's own limit: its sliding window, the even spread of its sends, and a 429's pause. */
function channelLimit(limits: RateLimits) {
  if (!(limits.perSecond > 0))
    throw new RangeError(`A channel's rate must be above 0 messages per second, got ${limits.perSecond}.`);
  // Below 1/s the window widens instead of the capacity falling to zero.
  const capacity = Math.max(1, Math.floor(limits.perSecond));
  const windowMs = (capacity * 1000) / limits.perSecond;
  const window = slidingWindow(capacity, windowMs);
  const pacing = pacer(windowMs / capacity, Math.max(1, Math.ceil(capacity / 10)), windowMs);
  let pausedUntil = 0;
  return {
    readyAt(now: number): number {
      const readyAt = Math.max(pausedUntil, window.readyAt(now), pacing.readyAt());
      if (readyAt > now) pacing.refused(now);
      return readyAt;
    },
    begin(now: number) {
      window.begin();
      pacing.begin(now);
    },
    end: (now: number) => window.end(now),
    quiet: () => pacing.quiet(),
    pause(until: number) {
      pausedUntil = Math.max(pausedUntil, until);
    },
    pausedUntil: () => pausedUntil,
  };
}

/** At most `capacity` sends in flight or answered within the last `windowMs`. */
function slidingWindow(capacity: number, windowMs: number) {
  let inFlight = 0;
  // Answer times, oldest first (answers are recorded as they come, so the list stays sorted).
  const answered: number[] = [];
  let head = 0;
  return {
    readyAt(now: number): number {
      // `answer + window <= now`, the very sum readyAt returns, so the two agree to the last bit.
      while (head < answered.length && answered[head]! + windowMs <= now) head += 1;
      if (head > 1024) {
        answered.splice(0, head);
        head = 0;
      }
      const used = inFlight + answered.length - head;
      if (used < capacity) return now;
      const expiring = head + used - capacity;
      return expiring < answered.length ? answered[expiring]! + windowMs : Infinity;
    },
    begin: () => void (inFlight += 1),
    end(now: number) {
      inFlight -= 1;
      answered.push(now);
    },
  };
}

/**
 * Spreads sends evenly (one per `gapMs`) instead of in bursts, tolerating a
 * few sends of lag so that timers firing late do not lower the rate.
 *
 * Only a fresh schedule needs it: once the lane is held back by the window,
 * the window repeats the spread of the second before. The schedule then
 * keeps running from when the lane was first held back, up to `catchUpMs`
 * back, instead of starting again from every late send: a send that starts
 * late because the process stalled (a busy machine, a long garbage
 * collection) does not move every later send back by the stall, and the
 * slots the window freed meanwhile are used at once. The window alone keeps
 * the platform's count within the limit. A lane that went quiet starts a
 * fresh schedule, so a campaign's first second is spread.
 */
function pacer(gapMs: number, burst: number, catchUpMs: number) {
  let theoretical = 0;
  /** When the lane was first told to wait since it last went quiet. */
  let heldSince: number | null = null;
  return {
    readyAt: () => theoretical - gapMs * burst,
    refused(now: number) {
      heldSince ??= now;
    },
    quiet() {
      heldSince = null;
    },
    begin(now: number) {
      const from = heldSince === null ? now : Math.max(heldSince, now - catchUpMs);
      theoretical = Math.max(theoretical, from) + gapMs;
    },
  };
}

const HOUR_MS = 60 * 60 * 1000;

function addressSpacing(intervalMs: number, perHour: number) {
  const busy = new Set<string>();
  const freeAt = new Map<string, number>();
  const held = new Map<string, number>();
  const hourly = hourlyCount(perHour);
  let ended = 0;
  const heldUntil = (address: string) => held.get(address) ?? -Infinity;
  return {
    readyAt: (address: string) =>
      busy.has(address) ? Infinity : Math.max(freeAt.get(address) ?? 0, heldUntil(address), hourly.readyAt(address)),
    begin: (address: string) => void busy.add(address),
    end(address: string, now: number) {
      busy.delete(address);
      freeAt.set(address, Math.max(freeAt.get(address) ?? 0, now + intervalMs));
      hourly.count(address, now);
      // Forget addresses that are free again, so a campaign to many chats does not grow the maps forever.
      if (++ended % 1000 === 0) {
        forgetPast([freeAt, held], now);
        hourly.forget(now);
      }
    },
    hold(address: string, until: number) {
      held.set(address, Math.max(heldUntil(address), until));
    },
    heldUntil,
  };
}

function forgetPast(maps: Map<string, number>[], now: number): void {
  for (const map of maps) for (const [key, at] of map) if (at <= now) map.delete(key);
}

/** The times of each address's sends in the last hour, when there is an hourly cap. */
function hourlyCount(perHour: number) {
  const sends = new Map<string, number[]>();
  const recent = (address: string, now: number) => (sends.get(address) ?? []).filter((at) => at + HOUR_MS > now);
  return {
    /** When the oldest send of a full hour leaves it; 0 while there is room. */
    readyAt(address: string): number {
      const times = sends.get(address);
      if (!times || times.length < perHour) return 0;
      return times[times.length - perHour]! + HOUR_MS;
    },
    count(address: string, now: number) {
      if (perHour === Infinity) return;
      const times = recent(address, now);
      times.push(now);
      sends.set(address, times.slice(-perHour));
    },
    forget(now: number) {
      for (const address of sends.keys()) {
        const times = recent(address, now);
        if (times.length === 0) sends.delete(address);
        else sends.set(address, times);
      }
    },
  };
}
