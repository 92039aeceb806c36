// The log of Bot API calls the fake received, with the queries tests need:
// "what did the bot send to this chat" and "wait until it has sent it".
import type { ApiPayload } from './botApiResults.ts';

export interface RecordedFile {
  bytes: Buffer;
  filename?: string;
}

export interface FakeBotCall {
  method: string;
  payload: ApiPayload;
  /** Uploaded files keyed by the payload field that referenced them, e.g. `photo`. */
  files: Record<string, RecordedFile>;
  /** Date.now() when the call arrived. */
  at: number;
  /** The error_code when the fake answered with a planned failure. */
  rejectedWith?: number;
}

/** Anything that wants to observe calls; a benchmark may only count them. */
export interface CallRecorder {
  record(call: FakeBotCall): void;
}

export type CallExpectation = number | string | ((call: FakeBotCall) => boolean);

export interface WaitOptions {
  timeoutMs?: number;
  /** How many calls must match a method name or predicate (default 1). */
  count?: number;
}

/** Methods whose text or caption reaches the user. */
const TEXT_FIELD_BY_METHOD: Record<string, string> = { sendMessage: 'text', editMessageText: 'text' };

export class BotApiCallRecorder implements CallRecorder {
  readonly calls: FakeBotCall[] = [];
  private readonly listeners = new Set<() => void>();

  record(call: FakeBotCall): void {
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener();
  }

  clear(): void {
    this.calls.length = 0;
  }

  callsTo(method: string): FakeBotCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Texts and captions delivered (failed attempts excluded), in order. */
  sentTexts(chatId?: number | string): string[] {
    return this.calls
      .filter((call) => call.rejectedWith === undefined)
      .filter((call) => chatId === undefined || String(call.payload.chat_id) === String(chatId))
      .map(deliveredText)
      .filter((text): text is string => text !== undefined);
  }

  /**
   * Resolves once the expectation holds: a number waits for that many calls
   * in total; a method name or predicate waits for `count` matching calls.
   */
  waitForCalls(expectation: CallExpectation, options: WaitOptions = {}): Promise<FakeBotCall[]> {
    const check = () => this.satisfied(expectation, options.count ?? 1);
    const timeoutMs = options.timeoutMs ?? 2_000;
    return new Promise((resolve, reject) => {
      const done = (result: FakeBotCall[] | Error) => {
        clearTimeout(timer);
        this.listeners.delete(onCall);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const onCall = () => {
        const matched = check();
        if (matched) done(matched);
      };
      const timer = setTimeout(() => done(this.timeoutError(expectation, options, timeoutMs)), timeoutMs);
      this.listeners.add(onCall);
      onCall();
    });
  }

  private satisfied(expectation: CallExpectation, count: number): FakeBotCall[] | undefined {
    if (typeof expectation === 'number') {
      return this.calls.length >= expectation ? [...this.calls] : undefined;
    }
    const matches = this.calls.filter(toPredicate(expectation));
    return matches.length >= count ? matches : undefined;
  }

  private timeoutError(expectation: CallExpectation, options: WaitOptions, timeoutMs: number): Error {
    const wanted =
      typeof expectation === 'number'
        ? `${expectation} call(s) in total`
        : `${options.count ?? 1} call(s) matching ${describe(expectation)}`;
    const seen = this.calls.map(summarize).join('\n  ') || '(none)';
    return new Error(
      `waitForCalls: timed out after ${timeoutMs}ms waiting for ${wanted}; saw ${this.calls.length} call(s):\n  ${seen}`,
    );
  }
}

function toPredicate(expectation: string | ((call: FakeBotCall) => boolean)) {
  return typeof expectation === 'string' ? (call: FakeBotCall) => call.method === expectation : expectation;
}

function describe(expectation: string | ((call: FakeBotCall) => boolean)): string {
  return typeof expectation === 'string'
    ? `method ${expectation}`
    : `predicate ${expectation.name || expectation.toString().slice(0, 80)}`;
}

function deliveredText(call: FakeBotCall): string | undefined {
  const field = TEXT_FIELD_BY_METHOD[call.method] ?? (call.method.startsWith('send') ? 'caption' : undefined);
  const value = field === undefined ? undefined : call.payload[field];
  return typeof value === 'string' ? value : undefined;
}

/** One line per call for failure messages: method, chat, text, outcome. */
function summarize(call: FakeBotCall): string {
  const chat = call.payload.chat_id === undefined ? '' : ` chat=${String(call.payload.chat_id)}`;
  const text = deliveredText(call);
  const shown = text === undefined ? '' : ` ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`;
  const failed = call.rejectedWith === undefined ? '' : ` -> ${call.rejectedWith}`;
  return `${call.method}${chat}${shown}${failed}`;
}
