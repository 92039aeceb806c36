// A local stand-in for the Slack Web API. It speaks Slack's wire format, so an
// unmodified WebClient (or a Bolt App) given `slackApiUrl: fake.apiUrl` talks
// to it exactly as to slack.com, and tests can read the staff channel back.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SlackApiCallRecorder,
  type SlackApiCall,
  type SlackArgs,
  type SlackCallExpectation,
  type SlackWaitOptions,
} from './slackApiCallRecorder.ts';
import { SlackApiFaults, type SlackOutage } from './slackApiFaults.ts';
import { SLACK_BOT_TOKEN, SLACK_IDENTITY, type SlackIdentity } from './slackApiIdentity.ts';
import { callSlackMethod, SLACK_METHODS } from './slackApiMethods.ts';
import { fileIdOfPrivateUrl, slackFileObject } from './slackApiObjects.ts';
import {
  apiReply,
  faultReply,
  outageReply,
  plainReply,
  rejectionOf,
  uploadedBytes,
  type HttpReply,
  type Reset,
} from './slackApiHttpReplies.ts';
import { decodeSlackRequest } from './slackApiRequestBody.ts';
import type { SlackView } from './slackApiViews.ts';
import {
  SlackWorkspace,
  type SlackEphemeral,
  type SlackFileObject,
  type SlackMessage,
  type SlackUserProfile,
  type UploadedFile,
} from './slackApiWorkspace.ts';

export type { SlackApiCall, SlackCallExpectation, SlackWaitOptions } from './slackApiCallRecorder.ts';
export type { SlackOutage } from './slackApiFaults.ts';
export type { SlackIdentity } from './slackApiIdentity.ts';
export type { SlackView } from './slackApiViews.ts';
export type {
  SlackEphemeral,
  SlackFileObject,
  SlackMessage,
  SlackUserProfile,
  UploadedFile,
} from './slackApiWorkspace.ts';

export interface FakeSlackApiOptions {
  /** The bot token the app must send; defaults to SLACK_BOT_TOKEN. */
  token?: string;
  identity?: Partial<SlackIdentity>;
}

const API_PATH = /^\/api\/([A-Za-z][\w.]*)$/;
const UPLOAD_PATH = /^\/upload\/v1\/(F[A-Z0-9]+)$/;
const RESPONSE_PATH = /^\/actions\/(\d+)$/;

/** What the app posted to an interaction's `response_url` (an ephemeral answer to the presser…). */
export interface SlackResponse {
  url: string;
  body: Record<string, unknown>;
}

export class FakeSlackApi {
  readonly token: string;
  readonly identity: SlackIdentity;
  private readonly recorder = new SlackApiCallRecorder();
  private readonly faults = new SlackApiFaults();
  private readonly workspace: SlackWorkspace;
  private readonly inFlight = new Set<Promise<void>>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    options: FakeSlackApiOptions,
  ) {
    this.token = options.token ?? SLACK_BOT_TOKEN;
    this.identity = { ...SLACK_IDENTITY, ...options.identity };
    this.workspace = new SlackWorkspace(this.identity);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.track(this.handle(req, res)));
  }

  static async start(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    const fake = new FakeSlackApi(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** `http://127.0.0.1:<port>/api/`: WebClient's `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  get botUserId(): string {
    return this.identity.botUserId;
  }

  get botId(): string {
    return this.identity.botId;
  }

  get calls(): SlackApiCall[] {
    return this.recorder.calls;
  }

  callsTo(method: string): SlackApiCall[] {
    return this.recorder.callsTo(method);
  }

  waitForCalls(expectation: SlackCallExpectation, options?: SlackWaitOptions): Promise<SlackApiCall[]> {
    return this.recorder.waitForCalls(expectation, options);
  }

  /** Top-level messages of a channel, oldest first; broadcast thread replies included. */
  messages(channel: string): SlackMessage[] {
    return this.workspace.channelMessages(channel);
  }

  /** The replies in the thread under `threadTs`, oldest first, without the parent. */
  thread(channel: string, threadTs: string): SlackMessage[] {
    return this.workspace.threadReplies(channel, threadTs);
  }

  get ephemerals(): SlackEphemeral[] {
    return this.workspace.ephemerals;
  }

  /** The member list `conversations.members` pages through; other channels answer `channel_not_found`. */
  setChannelMembers(channel: string, userIds: string[]): void {
    this.workspace.members.set(channel, [...userIds]);
  }

  /** Answers the app posted to interactions' `response_url`s, in order. */
  readonly responses: SlackResponse[] = [];
  private responseCount = 0;

  /** A `response_url` for an interaction built in a test: it points here, so answers to it stay on loopback. */
  responseUrl(): string {
    this.responseCount += 1;
    return `${this.origin}/actions/${this.responseCount}`;
  }

  /**
   * A trigger id as Slack sends with an interaction of `user`: `views.open`
   * accepts it once (a made-up or used one is refused, as slack.com does).
   */
  triggerFor(user: string): string {
    const id = `${Date.now()}.${this.workspace.triggers.size + 1}.${randomBytes(16).toString('hex')}`;
    this.workspace.triggers.set(id, { user, used: false });
    return id;
  }

  /** The modals the app opened, oldest first, each with the person it was opened for. */
  get views(): (SlackView & { user: string })[] {
    return [...this.workspace.views.values()];
  }

  /** A person `users.info` knows; the bot user is known from the start. */
  addUser(user: SlackUserProfile): void {
    this.workspace.users.set(user.id, user);
  }

  /** A file uploaded through files.getUploadURLExternal; `bytes` stays undefined until the upload POST. */
  uploadedFile(fileId: string): UploadedFile | undefined {
    return this.workspace.files.get(fileId);
  }

  /** A file someone shared in Slack: put the returned object into a message event's `files`. */
  hostFile(file: { name: string; bytes: Buffer; user?: string }): SlackFileObject {
    const hosted = {
      id: this.workspace.newFileId(),
      filename: file.name,
      title: file.name,
      length: file.bytes.length,
      bytes: Buffer.from(file.bytes),
    };
    this.workspace.files.set(hosted.id, hosted);
    return slackFileObject(hosted, this.identity, this.origin, file.user);
  }

  /** Every request fails until `up()`: HTTP 503, or a dropped connection with `'reset'`. */
  down(outage: SlackOutage = 'unavailable'): void {
    this.faults.down(outage);
  }

  up(): void {
    this.faults.up();
  }

  /** The next `calls` Web API calls (to `method`, or any) answer 429 with `Retry-After: <seconds>`. */
  rateLimitNext(calls: number, retryAfterSeconds = 1, method?: string): void {
    this.faults.rateLimitNext(calls, retryAfterSeconds, method);
  }

  /** The next `times` calls to `method` answer `{ ok: false, error }`, e.g. `not_in_channel`. */
  failNext(method: string, error: string, times = 1): void {
    this.faults.failNext(method, error, times);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  private async shutDown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // fetch keeps connections alive; without this `close` waits for them to idle out.
    this.server.closeAllConnections();
    await closed;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const reply = await this.route(req, body).catch(internalError);
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  private async route(req: IncomingMessage, body: Buffer): Promise<HttpReply | Reset> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = API_PATH.exec(url.pathname)?.[1];
    if (method !== undefined) return this.apiCall(method, req, body, url.searchParams);
    const outage = this.faults.currentOutage;
    if (outage) return outageReply(outage);
    if (RESPONSE_PATH.test(url.pathname) && req.method === 'POST') {
      this.responses.push({
        url: `${this.origin}${url.pathname}`,
        body: JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>,
      });
      return apiReply({ ok: true });
    }
    const uploadId = UPLOAD_PATH.exec(url.pathname)?.[1];
    if (uploadId !== undefined && req.method === 'POST') return this.receiveUpload(uploadId, req, body);
    const fileId = fileIdOfPrivateUrl(url.pathname);
    if (fileId !== undefined) return this.serveFile(fileId, req);
    return plainReply(404, 'Not Found');
  }

  private apiCall(method: string, req: IncomingMessage, body: Buffer, query: URLSearchParams): HttpReply | Reset {
    const at = Date.now();
    const { invalid, ...call } = decodeSlackRequest(req.headers, body, query);
    const reply = this.answer(method, call, invalid);
    const rejectedWith = rejectionOf(reply);
    this.recorder.record({ method, ...call, at, ...(rejectedWith ? { rejectedWith } : {}) });
    return reply;
  }

  /** Outages and planned faults first, then Slack's own checks: a readable body, a known method, the token. */
  private answer(
    method: string,
    { args, token }: { args: SlackArgs; token?: string },
    invalid?: string,
  ): HttpReply | Reset {
    const fault = this.faults.take(method);
    if (fault) return faultReply(fault);
    const error = invalid ?? this.authError(method, token);
    if (error) return apiReply({ ok: false, error });
    return apiReply(callSlackMethod(method, args, { workspace: this.workspace, origin: this.origin }));
  }

  private authError(method: string, token: string | undefined): string | undefined {
    if (SLACK_METHODS[method] === undefined) return undefined;
    if (token === undefined) return 'not_authed';
    return token === this.token ? undefined : 'invalid_auth';
  }

  /** WebClient posts the bytes as multipart (one file part); a raw body is accepted as well. */
  private receiveUpload(fileId: string, req: IncomingMessage, body: Buffer): HttpReply {
    const file = this.workspace.files.get(fileId);
    if (!file) return plainReply(404, 'Not Found');
    file.bytes = uploadedBytes(req.headers['content-type'], body);
    return plainReply(200, `OK - ${file.bytes.length}`);
  }

  /** Without the bot token files.slack.com answers 200 with its HTML sign-in page, not the file. */
  private serveFile(fileId: string, req: IncomingMessage): HttpReply {
    const bytes = this.workspace.files.get(fileId)?.bytes;
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return plainReply(200, '<!DOCTYPE html><html><body>Sign in to Slack</body></html>', 'text/html; charset=utf-8');
    }
    if (!bytes) return plainReply(404, 'Not Found');
    return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: bytes };
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function internalError(error: unknown): HttpReply {
  return plainReply(500, `fake Slack API failed: ${(error as Error).message}`);
}
