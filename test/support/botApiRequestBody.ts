// Turns an HTTP request body into the payload object grammY started from, in
// each encoding Telegram accepts: JSON, multipart/form-data (grammY's choice
// whenever an InputFile is present) and url-encoded forms or query strings.
import type { RecordedFile } from './botApiCallRecorder.ts';
import type { ApiPayload } from './botApiResults.ts';
import { boundaryOf, parseMultipart, type FormPart } from './multipartForm.ts';

export interface DecodedBody {
  payload: ApiPayload;
  files: Record<string, RecordedFile>;
}

export class BadRequestError extends Error {}

/** Fields whose text must stay text even if it looks like JSON or a number. */
const FREE_TEXT_FIELDS = new Set([
  'text',
  'caption',
  'title',
  'description',
  'query',
  'question',
  'explanation',
  'data',
  'callback_query_id',
  'inline_query_id',
  'file_id',
]);

/** Numeric fields tests compare to numbers; Telegram coerces them the same way. */
const INTEGER_FIELDS = new Set([
  'chat_id',
  'from_chat_id',
  'user_id',
  'message_id',
  'reply_to_message_id',
  'message_thread_id',
  'offset',
  'limit',
  'timeout',
  'cache_time',
  'width',
  'height',
  'duration',
]);

export function decodeRequestBody(contentType: string | undefined, body: Buffer, query: URLSearchParams): DecodedBody {
  const fromQuery = decodeFields([...query.entries()]);
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const { payload, files } = decodeMultipart(contentType ?? '', body);
    return { payload: { ...fromQuery, ...payload }, files };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return {
      payload: { ...fromQuery, ...decodeFields([...new URLSearchParams(body.toString('utf8')).entries()]) },
      files: {},
    };
  }
  return { payload: { ...fromQuery, ...decodeJson(body) }, files: {} };
}

function decodeJson(body: Buffer): ApiPayload {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequestError("Bad Request: can't parse JSON object");
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestError('Bad Request: JSON object expected');
  }
  return parsed as ApiPayload;
}

function decodeMultipart(contentType: string, body: Buffer): DecodedBody {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new BadRequestError('Bad Request: multipart boundary is missing');
  let parts: FormPart[];
  try {
    parts = parseMultipart(body, boundary);
  } catch (error) {
    throw new BadRequestError(`Bad Request: ${(error as Error).message}`);
  }
  const fields = parts.filter((part) => part.filename === undefined);
  const uploads = parts.filter((part) => part.filename !== undefined);
  const payload = decodeFields(fields.map((part) => [part.name, part.data.toString('utf8')]));
  return { payload, files: linkUploads(payload, uploads) };
}

function decodeFields(entries: Array<[string, string]>): ApiPayload {
  return Object.fromEntries(entries.map(([key, raw]) => [key, decodeFieldValue(key, raw)]));
}

/** Form values are strings; objects arrive JSON-encoded (grammY stringifies them). */
export function decodeFieldValue(key: string, raw: string): unknown {
  if (FREE_TEXT_FIELDS.has(key)) return raw;
  if (raw.startsWith('{') || raw.startsWith('[')) return parseJsonOr(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  return raw;
}

function parseJsonOr(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * grammY sends a file as a part with a random name and puts `attach://<name>`
 * into the field (`photo`, or `media.0.media` in an album). Files are keyed by
 * that field path so tests can ask for `files.photo`; a file nobody references
 * (a direct upload) keeps its part name.
 */
function linkUploads(payload: ApiPayload, uploads: FormPart[]): Record<string, RecordedFile> {
  const pathByAttachId = new Map<string, string>();
  collectAttachPaths(payload, '', pathByAttachId);
  return Object.fromEntries(
    uploads.map((part) => [
      pathByAttachId.get(part.name) ?? part.name,
      { bytes: Buffer.from(part.data), ...(part.filename ? { filename: part.filename } : {}) },
    ]),
  );
}

function collectAttachPaths(value: unknown, path: string, out: Map<string, string>): void {
  if (typeof value === 'string' && value.startsWith('attach://')) {
    out.set(value.slice('attach://'.length), path);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) collectAttachPaths(inner, path ? `${path}.${key}` : key, out);
  }
}
