// Turns a Web API request into the arguments the caller started from, for
// both encodings Slack accepts: WebClient's default form encoding (nested
// values JSON-stringified) and `application/json`.
import type { IncomingHttpHeaders } from 'node:http';
import type { SlackArgs } from './slackApiCallRecorder.ts';

export interface DecodedSlackRequest {
  args: SlackArgs;
  token?: string;
  /** The Slack error for a body that cannot be read, e.g. `invalid_json`. */
  invalid?: string;
}

/** Form fields Slack documents as "a JSON-based array/object, presented as a URL-encoded string". */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'files', 'metadata', 'unfurls', 'view']);

export function decodeSlackRequest(
  headers: IncomingHttpHeaders,
  body: Buffer,
  query: URLSearchParams,
): DecodedSlackRequest {
  const type = (headers['content-type'] ?? '').toLowerCase();
  const fromBody = type.startsWith('application/json')
    ? decodeJsonBody(body)
    : decodeForm(new URLSearchParams(body.toString('utf8')));
  if (fromBody === undefined) return { args: {}, invalid: 'invalid_json' };
  const args = { ...decodeForm(query), ...fromBody };
  const token = bearerToken(headers.authorization) ?? (typeof args.token === 'string' ? args.token : undefined);
  delete args.token;
  return token === undefined ? { args } : { args, token };
}

function decodeForm(fields: URLSearchParams): SlackArgs {
  return Object.fromEntries([...fields.entries()].map(([key, raw]) => [key, decodeFormValue(key, raw)]));
}

/** Numbers stay strings: a `ts` like "1732350000.000100" must not lose its zeros. */
function decodeFormValue(key: string, raw: string): unknown {
  if (JSON_FIELDS.has(key)) return parseJsonOr(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

function decodeJsonBody(body: Buffer): SlackArgs | undefined {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  const parsed = parseJsonOr(text);
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  return isObject ? { ...(parsed as SlackArgs) } : undefined;
}

function parseJsonOr(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}
