// What the fake Bot API does with one call, independent of transport: the HTTP
// server and the in-process transformer both hand their decoded calls here.
import type { CallRecorder, RecordedFile } from './botApiCallRecorder.ts';
import { BotApiFaults, telegramErrorBody, type TelegramErrorBody } from './botApiFaults.ts';
import { BotApiResults, type ApiPayload, type BotIdentityOptions } from './botApiResults.ts';
import { BotApiUpdateQueue, type GetUpdatesParams } from './botApiUpdateQueue.ts';

export type ApiReplyBody = { ok: true; result: unknown } | TelegramErrorBody;

export interface ApiReply {
  status: number;
  body: ApiReplyBody;
}

export interface IncomingCall {
  method: string;
  payload: ApiPayload;
  files?: Record<string, RecordedFile>;
}

export interface BotApiEngineParts {
  identity?: BotIdentityOptions;
  recorder?: CallRecorder;
  faults?: BotApiFaults;
  updates?: BotApiUpdateQueue;
  /** Times the calls (Date.now() unless a test simulates time). */
  clock?: () => number;
}

export class BotApiEngine {
  readonly results: BotApiResults;
  readonly faults: BotApiFaults;
  readonly updates: BotApiUpdateQueue;
  private readonly recorder: CallRecorder | undefined;
  private readonly clock: () => number;

  constructor(parts: BotApiEngineParts = {}) {
    this.results = new BotApiResults(parts.identity);
    this.faults = parts.faults ?? new BotApiFaults();
    this.updates = parts.updates ?? new BotApiUpdateQueue();
    this.recorder = parts.recorder;
    this.clock = parts.clock ?? Date.now;
  }

  async call(incoming: IncomingCall, signal?: AbortSignal): Promise<ApiReply> {
    const at = this.clock();
    const fault = this.faults.take(incoming.method);
    this.recorder?.record({
      method: incoming.method,
      payload: incoming.payload,
      files: incoming.files ?? {},
      at,
      ...(fault ? { rejectedWith: fault.status } : {}),
    });
    if (fault) return { status: fault.status, body: telegramErrorBody(fault) };
    return { status: 200, body: { ok: true, result: await this.resultOf(incoming, signal) } };
  }

  private resultOf(incoming: IncomingCall, signal?: AbortSignal): Promise<unknown> | unknown {
    if (incoming.method === 'getUpdates') {
      return this.updates.take(incoming.payload as GetUpdatesParams, signal);
    }
    if (incoming.method === 'getWebhookInfo') {
      return { url: '', has_custom_certificate: false, pending_update_count: this.updates.size };
    }
    return this.results.resultFor(incoming.method, incoming.payload);
  }
}
