// A local stand-in for Telegram's Bot API server. It speaks the real wire
// format, so an unmodified grammY Bot pointed at `apiRoot` talks to it exactly
// as it would to api.telegram.org, and tests can inspect every call it made.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'grammy/types';
import { BotApiCallRecorder, type CallExpectation, type FakeBotCall, type WaitOptions } from './botApiCallRecorder.ts';
import { BotApiEngine, type ApiReply } from './botApiEngine.ts';
import type { BotApiFault } from './botApiFaults.ts';
import { BadRequestError, decodeRequestBody } from './botApiRequestBody.ts';
import { makeBotToken, type BotIdentityOptions } from './botApiResults.ts';
import type { UpdateDraft } from './botApiUpdateQueue.ts';

export { fakeBotApiTransformer } from './fakeBotApiTransformer.ts';
export type { BotApiFault } from './botApiFaults.ts';
export type { FakeBotCall, RecordedFile, CallRecorder, WaitOptions } from './botApiCallRecorder.ts';

export interface FakeBotApiOptions extends BotIdentityOptions {
  /** Defaults to a fresh BotFather-shaped token for `botId`. */
  token?: string;
  /** Times the calls (Date.now() unless a test simulates time). */
  clock?: () => number;
}

const METHOD_PATH = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;

export class FakeBotApi {
  readonly token: string;
  private readonly recorder = new BotApiCallRecorder();
  private readonly engine: BotApiEngine;
  private readonly inFlight = new Set<Promise<void>>();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly server: Server,
    options: FakeBotApiOptions = {},
  ) {
    this.engine = new BotApiEngine({
      identity: options,
      recorder: this.recorder,
      ...(options.clock && { clock: options.clock }),
    });
    this.token = options.token ?? makeBotToken(this.engine.results.botUser.id);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.track(this.handle(req, res)));
  }

  get apiRoot(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get botUser(): UserFromGetMe {
    return this.engine.results.botUser;
  }

  get calls(): FakeBotCall[] {
    return this.recorder.calls;
  }

  callsTo(method: string): FakeBotCall[] {
    return this.recorder.callsTo(method);
  }

  sentTexts(chatId?: number | string): string[] {
    return this.recorder.sentTexts(chatId);
  }

  waitForCalls(expectation: CallExpectation, options?: WaitOptions): Promise<FakeBotCall[]> {
    return this.recorder.waitForCalls(expectation, options);
  }

  clearCalls(): void {
    this.recorder.clear();
  }

  pushUpdate(update: UpdateDraft): Update {
    return this.engine.updates.push(update);
  }

  /** Bytes the download route serves for this file id (otherwise deterministic stand-in bytes). */
  setFile(fileId: string, bytes: Buffer): void {
    this.engine.results.files.set(fileId, bytes);
  }

  /** What `GET /file/bot<token>/<file_path>` serves for this file id. */
  fileBytes(fileId: string): Buffer {
    return this.engine.results.files.bytesOf(fileId);
  }

  failNext(method: string, fault: BotApiFault, times = 1): void {
    this.engine.faults.failNext(method, fault, times);
  }

  /** Answers held long polls with `[]`, lets them flush, then stops listening. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.engine.updates.close();
    await Promise.allSettled([...this.inFlight]);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // grammY keeps connections alive; without this `close` waits for them to idle out.
    this.server.closeAllConnections();
    await closed;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A client that gives up (grammY aborting a poll on bot.stop) must not keep a poll open.
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    if (req.method === 'GET' && this.serveFile(req, res)) return;
    const reply = await this.replyTo(req, abort.signal).catch(internalError);
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  }

  /** The file download route; false when the request is not for it. */
  private serveFile(req: IncomingMessage, res: ServerResponse): boolean {
    const route = FILE_PATH.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!route) return false;
    const bytes =
      route[1] === this.token ? this.engine.results.files.download(decodeURIComponent(route[2] ?? '')) : undefined;
    if (bytes) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
    } else {
      // Telegram answers an unknown path (or a foreign token) with this JSON and a 404.
      const reply = errorReply(404, 'Not Found');
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    }
    return true;
  }

  private async replyTo(req: IncomingMessage, signal: AbortSignal): Promise<ApiReply> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = METHOD_PATH.exec(url.pathname);
    const body = await readBody(req);
    if (!route) return errorReply(404, 'Not Found');
    if (route[1] !== this.token) return errorReply(401, 'Unauthorized');
    try {
      const { payload, files } = decodeRequestBody(req.headers['content-type'], body, url.searchParams);
      return await this.engine.call({ method: route[2] ?? '', payload, files }, signal);
    } catch (error) {
      if (error instanceof BadRequestError) return errorReply(400, error.message);
      throw error;
    }
  }
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const server = createServer();
  const fake = new FakeBotApi(server, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return fake;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function errorReply(status: number, description: string): ApiReply {
  return { status, body: { ok: false, error_code: status, description } };
}

function internalError(error: unknown): ApiReply {
  return errorReply(500, `Internal Server Error: fake Bot API failed: ${(error as Error).message}`);
}
