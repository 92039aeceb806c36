// Planned failures of the Slack stand-in, each answered the way slack.com
// answers: an outage, a 429 with Retry-After, or `{ ok: false, error }`.

/** `unavailable` answers HTTP 503; `reset` drops the connection without an answer. */
export type SlackOutage = 'unavailable' | 'reset';

export type SlackFault =
  | { kind: 'outage'; outage: SlackOutage }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'error'; error: string };

interface RateLimit {
  remaining: number;
  retryAfterSeconds: number;
  method: string | undefined;
}

export class SlackApiFaults {
  private outage: SlackOutage | undefined;
  private readonly rateLimits: RateLimit[] = [];
  private readonly errors = new Map<string, string[]>();

  down(outage: SlackOutage): void {
    this.outage = outage;
  }

  up(): void {
    this.outage = undefined;
  }

  /** An outage hits every request, file uploads and downloads included. */
  get currentOutage(): SlackOutage | undefined {
    return this.outage;
  }

  rateLimitNext(calls: number, retryAfterSeconds: number, method?: string): void {
    this.rateLimits.push({ remaining: calls, retryAfterSeconds, method });
  }

  failNext(method: string, error: string, times: number): void {
    const queue = this.errors.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(error);
    this.errors.set(method, queue);
  }

  /** The fault for this Web API call, consuming a planned one; outages first, then 429s, then errors. */
  take(method: string): SlackFault | undefined {
    if (this.outage) return { kind: 'outage', outage: this.outage };
    const limit = this.rateLimits.find((planned) => planned.method === undefined || planned.method === method);
    if (limit) {
      limit.remaining -= 1;
      if (limit.remaining <= 0) this.rateLimits.splice(this.rateLimits.indexOf(limit), 1);
      return { kind: 'rateLimited', retryAfterSeconds: limit.retryAfterSeconds };
    }
    const error = this.errors.get(method)?.shift();
    return error === undefined ? undefined : { kind: 'error', error };
  }
}
