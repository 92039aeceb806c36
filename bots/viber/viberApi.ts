import { parseExactJson } from './parseExactJson.ts';

/** Viber's answer to a call: `status` 0 is success, anything else says what went wrong. */
export interface ViberReply {
  status: number;
  status_message?: string;
  /** The sent message's token, exact (it exceeds JavaScript's safe integers). */
  message_token?: string;
  [field: string]: unknown;
}

/** Viber answered, with a status other than 0 (it answers HTTP 200 even then). */
export class ViberApiError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly statusMessage: string,
  ) {
    super(`Viber refused ${endpoint}: status ${status} (${statusMessage})`);
    this.name = 'ViberApiError';
  }
}

/** Viber could not be reached, or answered something that is no API reply (a proxy's 502…). */
export class ViberHttpError extends Error {
  constructor(
    readonly endpoint: string,
    message: string,
  ) {
    super(`Viber could not be reached for ${endpoint}: ${message}`);
    this.name = 'ViberHttpError';
  }
}

/** Viber's status codes the adapter acts on. */
export const viberStatus = {
  ok: 0,
  invalidUrl: 1,
  invalidAuthToken: 2,
  receiverNotRegistered: 5,
  receiverNotSubscribed: 6,
  accountBlocked: 7,
  accountNotFound: 8,
  accountSuspended: 9,
  webhookNotSet: 10,
  noSuitableDevice: 11,
  tooManyRequests: 12,
} as const;

export interface ViberApiOptions {
  /** e.g. https://chatapi.viber.com/pa */
  apiUrl: string;
  authToken: string;
  /** A call that hangs is abandoned after this (the outbox's lease is 60 s). */
  timeoutMs?: number;
}

/** One endpoint of the REST Bot API: POSTs `body`, resolves to the reply when its status is 0. */
export type ViberCall = (endpoint: string, body: object) => Promise<ViberReply>;

/**
 * The thin client: Viber's Bot API is a handful of JSON POSTs with the token
 * in a header. Replies are parsed keeping 64-bit tokens exact. A non-zero
 * status throws `ViberApiError`, a network failure or a non-JSON answer
 * `ViberHttpError`: the caller decides by kind what to retry.
 */
export function createViberApi(options: ViberApiOptions): ViberCall {
  const base = options.apiUrl.replace(/\/+$/, '');
  return async (endpoint, body) => {
    const reply = await post(`${base}/${endpoint}`, endpoint, body, options);
    if (reply.status !== viberStatus.ok)
      throw new ViberApiError(endpoint, reply.status, reply.status_message ?? 'no status message');
    return reply;
  };
}

async function post(url: string, endpoint: string, body: object, options: ViberApiOptions): Promise<ViberReply> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Viber-Auth-Token': options.authToken },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    text = await response.text();
  } catch (error) {
    throw new ViberHttpError(endpoint, (error as Error)?.message ?? String(error));
  }
  if (!response.ok) throw new ViberHttpError(endpoint, `HTTP ${response.status}`);
  try {
    const reply = parseExactJson(text) as ViberReply;
    if (typeof reply?.status !== 'number') throw new Error('no status');
    return reply;
  } catch {
    throw new ViberHttpError(endpoint, 'the answer was not a Viber API reply');
  }
}
