// A local stand-in for Viber's REST Bot API (https://chatapi.viber.com/pa).
// It speaks the wire format: every answer is HTTP 200 with a `status` in the
// body, message tokens are 64-bit integers written as bare JSON numbers,
// `set_webhook` calls the URL with the `webhook` event before it answers,
// pictures are fetched by URL, what people send is kept on its media server
// (downloaded by URL, as from Viber's own), and a broadcast takes at most 300 receivers
// and names those it could not reach in `failed_list`, as Viber does.
// Every call is timed by the stand-in's clock. Faults come on demand.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseExactJson } from '../../bots/viber/parseExactJson.ts';
import { FIRST_TOKEN, postCallback, toWireJson, type WireValue } from './viberCallbacks.ts';

/** A failure to answer the next call of an endpoint with. */
export type ViberFault = { status: number; message?: string } | { http: number } | { network: true };

export interface FakeViberCall {
  endpoint: string;
  body: Record<string, unknown>;
  /** When the call arrived, by the stand-in's clock. */
  at: number;
  /** The token the stand-in gave the message it accepted. */
  token?: bigint;
  /** The bytes it fetched for a picture message. */
  media?: Buffer;
  /** The receivers a broadcast reached (on its list and not in its `failed_list`). */
  delivered?: string[];
}

const STATUS_MESSAGES: Record<number, string> = {
  1: 'invalidUrl',
  2: 'invalidAuthToken',
  3: 'badData',
  5: 'receiverNotRegistered',
  6: 'receiverNotSubscribed',
  12: 'tooManyRequests',
};

/** What Viber allows to one person who has not written back. */
const UNANSWERED_PER_HOUR = 100;

export class FakeViberApi {
  readonly authToken = `${randomBytes(8).toString('hex')}-${randomBytes(8).toString('hex')}-${randomBytes(8).toString('hex')}`;
  readonly calls: FakeViberCall[] = [];
  webhookUrl: string | null = null;
  /** What the app answered to the `webhook` check. */
  webhookCheck: { status: number } | null = null;
  private nextToken = FIRST_TOKEN;
  private readonly subscribed = new Set<string>();
  private readonly known = new Set<string>();
  private readonly unanswered = new Map<string, number>();
  private readonly faults = new Map<string, ViberFault[]>();
  private readonly media = new Map<string, { bytes: Buffer; type: string }>();
  /** The paths of the media server's files the application downloaded, in order. */
  readonly mediaDownloads: string[] = [];

  constructor(
    private readonly server: Server,
    private readonly clock: () => number = Date.now,
  ) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/pa`;
  }

  /** A token for a callback: each one differs from the last only beyond double precision. */
  token(): bigint {
    const token = this.nextToken;
    this.nextToken += 1n;
    return token;
  }

  /** The person writes to the bot, which subscribes them, as in Viber. */
  personWrote(userId: string): void {
    this.known.add(userId);
    this.subscribed.add(userId);
    this.unanswered.set(userId, 0);
  }

  personOpened(userId: string): void {
    this.known.add(userId);
  }

  unsubscribe(userId: string): void {
    this.subscribed.delete(userId);
  }

  /**
   * Keeps a file a person sent on the stand-in's media server, as Viber keeps
   * pictures on its own; resolves to the URL a `picture` message carries.
   */
  hostMedia(bytes: Buffer, type = 'image/jpeg', fileName = 'IMG_0001.jpg'): string {
    const path = `/media/${randomBytes(8).toString('hex')}/${fileName}`;
    this.media.set(path, { bytes, type });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  failNext(endpoint: string, fault: ViberFault, times = 1): void {
    const queue = this.faults.get(endpoint) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.faults.set(endpoint, queue);
  }

  callsTo(endpoint: string): FakeViberCall[] {
    return this.calls.filter((call) => call.endpoint === endpoint);
  }

  /** The messages accepted for one person, oldest first. */
  sentTo(userId: string): FakeViberCall[] {
    return this.callsTo('send_message').filter((call) => call.body.receiver === userId && call.token !== undefined);
  }

  /** POSTs a signed callback to the registered webhook. */
  deliver(callback: WireValue, options: { signature?: string | null } = {}): Promise<Response> {
    if (!this.webhookUrl) throw new Error('No webhook is set: the application never called set_webhook.');
    return postCallback(this.webhookUrl, toWireJson(callback), this.authToken, options);
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    return closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url?.startsWith('/media/')) return this.serveMedia(req.url, res);
    const endpoint = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/pa\//, '');
    const text = await readBody(req);
    const fault = this.takeFault(endpoint);
    if (fault && 'network' in fault) return void res.destroy();
    if (fault && 'http' in fault) return void res.writeHead(fault.http).end('<html>Bad Gateway</html>');
    let body: Record<string, unknown>;
    try {
      body = parseExactJson(text) as Record<string, unknown>;
    } catch {
      return this.answer(res, status(3, 'the body is not JSON'));
    }
    const call: FakeViberCall = { endpoint, body, at: this.clock() };
    this.calls.push(call);
    if (req.headers['x-viber-auth-token'] !== this.authToken) return this.answer(res, status(2));
    if (fault && 'status' in fault) return this.answer(res, status(fault.status, fault.message));
    this.answer(res, await this.reply(call));
  }

  private async reply(call: FakeViberCall): Promise<Record<string, WireValue>> {
    switch (call.endpoint) {
      case 'set_webhook':
        return this.setWebhook(String(call.body.url ?? ''));
      case 'send_message':
        return this.sendMessage(call);
      case 'broadcast_message':
        return this.broadcast(call);
      case 'get_account_info':
        return { ...status(0), id: 'pa:1', name: 'Test bot', uri: 'testbot', subscribers_count: this.subscribed.size };
      default:
        return status(3, `unknown endpoint ${call.endpoint}`);
    }
  }

  /** Like Viber: the URL is called with the `webhook` event, and only a 200 sets it. */
  private async setWebhook(url: string): Promise<Record<string, WireValue>> {
    const check = {
      event: 'webhook',
      timestamp: Date.now(),
      chat_hostname: 'SN-CHAT-05_',
      message_token: this.token(),
    };
    const response = await postCallback(url, toWireJson(check), this.authToken).catch(() => null);
    this.webhookCheck = { status: response?.status ?? 0 };
    if (response?.status !== 200) return status(1, `Result[HttpRequest[POST ${url}]] is not 200`);
    this.webhookUrl = url;
    return {
      ...status(0),
      event_types: ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'],
    };
  }

  private async sendMessage(call: FakeViberCall): Promise<Record<string, WireValue>> {
    const refusal = this.refusalOf(call.body);
    if (refusal) return refusal;
    const receiver = String(call.body.receiver);
    if (call.body.type === 'picture') {
      const media = await fetch(String(call.body.media)).catch(() => null);
      if (!media?.ok) return status(3, 'media could not be downloaded');
      call.media = Buffer.from(await media.arrayBuffer());
    }
    this.unanswered.set(receiver, (this.unanswered.get(receiver) ?? 0) + 1);
    call.token = this.token();
    return { ...status(0), message_token: call.token, chat_hostname: 'SN-CHAT-05_' };
  }

  /**
   * Like Viber: the same checks of the message as `send_message`, at most 300
   * receivers, one token for the whole broadcast; receivers it cannot reach
   * come back in `failed_list` with their status while the call succeeds.
   */
  private broadcast(call: FakeViberCall): Record<string, WireValue> {
    const list = call.body.broadcast_list;
    if (!Array.isArray(list) || list.length === 0 || list.length > 300)
      return status(3, 'broadcast_list must hold 1 to 300 receivers');
    const refusal = this.messageRefusalOf(call.body);
    if (refusal) return refusal;
    const receivers = list.map(String);
    const failed = receivers
      .filter((receiver) => !this.subscribed.has(receiver))
      .map((receiver) => {
        const code = this.known.has(receiver) ? 6 : 5;
        return { receiver, status: code, status_message: STATUS_MESSAGES[code]! };
      });
    call.delivered = receivers.filter((receiver) => this.subscribed.has(receiver));
    for (const receiver of call.delivered) this.unanswered.set(receiver, (this.unanswered.get(receiver) ?? 0) + 1);
    call.token = this.token();
    return { ...status(0), message_token: call.token, chat_hostname: 'SN-CHAT-05_', failed_list: failed };
  }

  private refusalOf(body: Record<string, unknown>): Record<string, WireValue> | null {
    const receiver = typeof body.receiver === 'string' ? body.receiver : '';
    const refusal = this.messageRefusalOf(body);
    if (refusal) return refusal;
    if (!this.known.has(receiver)) return status(5);
    if (!this.subscribed.has(receiver)) return status(6);
    if ((this.unanswered.get(receiver) ?? 0) >= UNANSWERED_PER_HOUR) return status(12);
    return null;
  }

  /** What Viber refuses in a message whoever it is for. */
  private messageRefusalOf(body: Record<string, unknown>): Record<string, WireValue> | null {
    const sender = body.sender as { name?: unknown } | undefined;
    if (!webhookSetFor(this.webhookUrl)) return status(10, 'webhookNotSet');
    if (typeof sender?.name !== 'string' || sender.name.length > 28)
      return status(3, 'sender.name is missing or too long');
    if (typeof body.text === 'string' && body.text.length > 7000) return status(3, 'text is too long');
    if (!keyboardValid(body)) return status(3, 'keyboard is not valid');
    return null;
  }

  private serveMedia(path: string, res: ServerResponse): void {
    const file = this.media.get(path);
    if (!file) return void res.writeHead(404).end();
    this.mediaDownloads.push(path);
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length }).end(file.bytes);
  }

  private takeFault(endpoint: string): ViberFault | undefined {
    const queue = this.faults.get(endpoint);
    const fault = queue?.shift();
    if (queue?.length === 0) this.faults.delete(endpoint);
    return fault;
  }

  private answer(res: ServerResponse, body: Record<string, WireValue>): void {
    // Viber answers HTTP 200 whatever the status says.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(toWireJson(body));
  }
}

function webhookSetFor(url: string | null): boolean {
  return url !== null;
}

function status(code: number, message?: string): Record<string, WireValue> {
  return { status: code, status_message: message ?? STATUS_MESSAGES[code] ?? (code === 0 ? 'ok' : 'error') };
}

/** Buttons fill a six-column grid; a share-phone button needs min_api_version 3. */
function keyboardValid(body: Record<string, unknown>): boolean {
  const keyboard = body.keyboard as { Type?: unknown; Buttons?: Array<Record<string, unknown>> } | undefined;
  if (keyboard === undefined) return true;
  if (keyboard.Type !== 'keyboard' || !Array.isArray(keyboard.Buttons) || keyboard.Buttons.length === 0) return false;
  const columnsOk = keyboard.Buttons.every(
    (b) => typeof b.Columns === 'number' && b.Columns >= 1 && b.Columns <= 6 && typeof b.ActionBody === 'string',
  );
  const sharesPhone = keyboard.Buttons.some((b) => b.ActionType === 'share-phone');
  return columnsOk && (!sharesPhone || Number(body.min_api_version ?? 1) >= 3);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `clock` times the calls (Date.now() unless a test simulates time). */
export async function startFakeViberApi(options: { clock?: () => number } = {}): Promise<FakeViberApi> {
  const server = createServer();
  const fake = new FakeViberApi(server, options.clock);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return fake;
}
