// The HTTP answers of the Slack stand-in: Web API bodies are always HTTP 200
// JSON (even for `ok: false`), except a 429 with Retry-After and outages.
import { boundaryOf, parseMultipart } from './multipartForm.ts';
import type { SlackFault, SlackOutage } from './slackApiFaults.ts';
import type { SlackReplyBody } from './slackApiMethods.ts';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** For the call log: the Slack error, `ratelimited` or `service_unavailable`. */
  rejectedWith?: string;
}

/** The connection is dropped without an answer. */
export type Reset = 'reset';

export function apiReply(body: SlackReplyBody, status = 200, headers: Record<string, string> = {}): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
    ...(body.ok ? {} : { rejectedWith: body.error }),
  };
}

export function plainReply(status: number, text: string, contentType = 'text/plain; charset=utf-8'): HttpReply {
  return { status, headers: { 'content-type': contentType }, body: text };
}

export function faultReply(fault: SlackFault): HttpReply | Reset {
  switch (fault.kind) {
    case 'outage':
      return outageReply(fault.outage);
    case 'rateLimited':
      return apiReply({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(fault.retryAfterSeconds) });
    case 'error':
      return apiReply({ ok: false, error: fault.error });
  }
}

export function outageReply(outage: SlackOutage): HttpReply | Reset {
  if (outage === 'reset') return 'reset';
  return { ...plainReply(503, 'Service Unavailable'), rejectedWith: 'service_unavailable' };
}

export function rejectionOf(reply: HttpReply | Reset): string | undefined {
  return reply === 'reset' ? 'connection_reset' : reply.rejectedWith;
}

/** WebClient posts the bytes as multipart/form-data with one file part; a raw body is taken as is. */
export function uploadedBytes(contentType: string | undefined, body: Buffer): Buffer {
  const boundary = contentType?.toLowerCase().startsWith('multipart/form-data') ? boundaryOf(contentType) : undefined;
  if (!boundary) return Buffer.from(body);
  const parts = parseMultipart(body, boundary);
  const filePart = parts.find((part) => part.filename !== undefined) ?? parts[0];
  return Buffer.from(filePart?.data ?? Buffer.alloc(0));
}
