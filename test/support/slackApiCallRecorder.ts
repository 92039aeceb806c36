// The log of Web API calls the Slack stand-in received, with "wait until the
// app has made this call" for tests that drive the app from the outside.

export type SlackArgs = Record<string, unknown>;

export interface SlackApiCall {
  /** The Web API method, e.g. `chat.postMessage`. */
  method: string;
  /** Form fields or JSON body; JSON-valued form fields (`blocks`, `files`…) parsed, `true`/`false` as booleans. */
  args: SlackArgs;
  /** From `Authorization: Bearer …` or the `token` argument. */
  token?: string;
  /** Date.now() when the call arrived. */
  at: number;
  /** Why the call failed: a Slack error code (`ratelimited`, `channel_not_found`…) or `connection_reset`. */
  rejectedWith?: string;
}

export type SlackCallExpectation = number | string | ((call: SlackApiCall) => boolean);

export interface SlackWaitOptions {
  timeoutMs?: number;
  /** How many calls must match a method name or predicate (default 1). */
  count?: number;
}

export class SlackApiCallRecorder {
  readonly calls: SlackApiCall[] = [];
  private readonly listeners = new Set<() => void>();

  record(call: SlackApiCall): void {
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener();
  }

  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /**
   * Resolves once the expectation holds: a number waits for that many calls
   * in total; a method name or predicate waits for `count` matching calls.
   */
  waitForCalls(expectation: SlackCallExpectation, options: SlackWaitOptions = {}): Promise<SlackApiCall[]> {
    const timeoutMs = options.timeoutMs ?? 2_000;
    return new Promise((resolve, reject) => {
      const finish = (result: SlackApiCall[] | Error) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const check = () => {
        const matched = this.matching(expectation, options.count ?? 1);
        if (matched) finish(matched);
      };
      const timer = setTimeout(() => finish(this.timeoutError(expectation, options, timeoutMs)), timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  private matching(expectation: SlackCallExpectation, count: number): SlackApiCall[] | undefined {
    if (typeof expectation === 'number') return this.calls.length >= expectation ? [...this.calls] : undefined;
    const predicate =
      typeof expectation === 'string' ? (call: SlackApiCall) => call.method === expectation : expectation;
    const matches = this.calls.filter(predicate);
    return matches.length >= count ? matches : undefined;
  }

  private timeoutError(expectation: SlackCallExpectation, options: SlackWaitOptions, timeoutMs: number): Error {
    const wanted =
      typeof expectation === 'number'
        ? `${expectation} call(s) in total`
        : `${options.count ?? 1} call(s) to ${typeof expectation === 'string' ? expectation : `predicate ${expectation.name || 'anonymous'}`}`;
    const seen = this.calls.map(summarize).join('\n  ') || '(none)';
    return new Error(
      `waitForCalls: timed out after ${timeoutMs}ms waiting for ${wanted}; the fake Slack API saw ${this.calls.length} call(s):\n  ${seen}`,
    );
  }
}

/** One line per call for failure messages: method, channel, text, outcome. */
function summarize(call: SlackApiCall): string {
  const channel = call.args.channel ?? call.args.channel_id;
  const where = typeof channel === 'string' ? ` channel=${channel}` : '';
  const text = typeof call.args.text === 'string' ? ` ${JSON.stringify(call.args.text.slice(0, 60))}` : '';
  const failed = call.rejectedWith === undefined ? '' : ` -> ${call.rejectedWith}`;
  return `${call.method}${where}${text}${failed}`;
}
