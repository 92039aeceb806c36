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
 * A platform's "30 per second" is about requests started in any one second:
 * a send counts against the overall limit from the moment it starts, for the
 * window plus a small margin (a request leaves a few ms after the lane starts
 * it, and not always equally late), whether or not its answer came back.
 * Counting each send until its answer instead, as this gate once did, caps the
 * rate at limit / (1 + round trip in seconds): 90 % of it at 100 ms. The
 * per-address interval still runs from the answer (one message at a time to a
 * chat), and a 429's retry_after still pauses the channel.
 */
export interface SendGate {
  /** When the next send may start on the channel as a whole. */
  channelReadyAt(now: number): number;
  /** When a send to this address may start; Infinity while one to it is in flight. */
  addressReadyAt(address: string): number;
  begin(address: string, now: number): void;
  end(address: string, now: number): void;
  /** One call that carries many addresses (a broadcast): it counts against the channel alone. */
  beginCall(now: number): void;
  /** The call's answer came back (matters only to a gate that counts calls until their answers). */
  endCall(now: number): void;
  /** An address carried by another gate's call: it counts against the address's limits alone. */
  beginAddress(address: string): void;
  endAddress(address: string, now: number): void;
  /** Nothing starts on the channel before `until` (a 429's retry_after). */
  pauseChannel(until: number): void;
  /** The end of the current pause; in the past when there is none. */
  pausedUntil(): number;
  /** Nothing starts to this address before `until` (its message is waiting for a retry). */
  holdAddress(address: string, until: number): void;
  /** The end of the address's hold; in the past when it has none. */
  heldUntil(address: string): number;
}

/** How a gate counts a send against the overall limit. */
export interface GateCounting {
  /**
   * From its start until its answer plus the window, instead of from its
   * start alone: the platform then never sees more than the limit in any
   * window however late requests arrive, at the cost of limit / (1 + round
   * trip). The broadcast gate counts so: over its 10-second window the cost is 1 %.
   */
  untilAnswered?: boolean;
}

export function createSendGate(limits: RateLimits, counting: GateCounting = {}): SendGate {
  if (!(limits.perSecond > 0))
    throw new RangeError(`A channel's rate must be above 0 messages per second, got ${limits.perSecond}.`);
  // Below 1/s the window widens instead of the capacity falling to zero.
  const capacity = Math.max(1, Math.floor(limits.perSecond));
  const windowMs = (capacity * 1000) / limits.perSecond;
  const window = counting.untilAnswered
    ? answeredWindow(capacity, windowMs)
    : slidingWindow(capacity, windowMs + DEPARTURE_MARGIN_MS);
  const pacing = pacer((windowMs + DEPARTURE_MARGIN_MS) / capacity, Math.max(1, Math.ceil(capacity / 10)));
  const addresses = addressSpacing(limits.perAddressIntervalMs, limits.perAddressPerHour ?? Infinity);
  let pausedUntil = 0;
  const beginCall = (now: number) => {
    window.begin(now);
    pacing.begin(now);
  };
  return {
    channelReadyAt: (now) => Math.max(pausedUntil, window.readyAt(now), pacing.readyAt()),
    addressReadyAt: (address) => addresses.readyAt(address),
    begin(address, now) {
      beginCall(now);
      addresses.begin(address);
    },
    end(address, now) {
      window.end(now);
      addresses.end(address, now);
    },
    beginCall,
    endCall: (now) => window.end(now),
    beginAddress: (address) => addresses.begin(address),
    endAddress: (address, now) => addresses.end(address, now),
    pauseChannel(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
    pausedUntil: () => pausedUntil,
    holdAddress: (address, until) => addresses.hold(address, until),
    heldUntil: (address) => addresses.heldUntil(address),
  };
}

/**
 * How much later than the window a started send keeps its place: between the
 * lane starting a send and the request leaving, the event loop may run other
 * work for a few ms, more for one request than for the next. Without it two
 * sends a window apart by the lane's clock could arrive less than a window
 * apart. It costs under 1 % of the rate at 30/s.
 */
const DEPARTURE_MARGIN_MS = 8;

/** At most `capacity` sends started within any `windowMs`, counted by their start times. */
function slidingWindow(capacity: number, windowMs: number) {
  // Start times, oldest first (the clock is monotonic, so the list stays sorted).
  const started: number[] = [];
  let head = 0;
  return {
    readyAt(now: number): number {
      // `start + window <= now`, the very sum readyAt returns, so the two agree to the last bit.
      while (head < started.length && started[head]! + windowMs <= now) head += 1;
      if (head > 1024) {
        started.splice(0, head);
        head = 0;
      }
      const used = started.length - head;
      return used < capacity ? now : started[head + used - capacity]! + windowMs;
    },
    begin: (now: number) => void started.push(now),
    end: (_now: number) => {},
  };
}

/** At most `capacity` sends in flight or answered within the last `windowMs`. */
function answeredWindow(capacity: number, windowMs: number) {
  let inFlight = 0;
  // Answer times, oldest first (answers are recorded as they come, so the list stays sorted).
  const answered: number[] = [];
  let head = 0;
  return {
    readyAt(now: number): number {
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
    begin: (_now: number) => void (inFlight += 1),
    end(now: number) {
      inFlight -= 1;
      answered.push(now);
    },
  };
}

/**
 * Spreads sends evenly (one per `gapMs`) instead of in bursts, tolerating a
 * few sends of lag so that timers firing late do not lower the rate.
 */
function pacer(gapMs: number, burst: number) {
  let theoretical = 0;
  return {
    readyAt: () => theoretical - gapMs * burst,
    begin(now: number) {
      theoretical = Math.max(theoretical, now) + gapMs;
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
