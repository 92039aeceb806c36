// A small multipart/form-data parser. Node's built-in Request#formData() is
// not used on purpose: grammY writes `content-disposition:form-data;name="x";
// filename=photo.jpg` (no spaces, unquoted filename), which undici rejects with
// "Failed to parse body as FormData", while Telegram accepts it.

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) throw new Error('multipart body has no opening boundary');
  for (;;) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    // Data ends at the CRLF that precedes the next delimiter.
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), cursor);
    if (next < 0) throw new Error('multipart body is not terminated by a closing boundary');
    parts.push(parsePart(body.subarray(skipCrlf(body, cursor), next)));
    cursor = next + CRLF.length;
  }
}

function skipCrlf(body: Buffer, at: number): number {
  return body.subarray(at, at + 2).equals(CRLF) ? at + 2 : at;
}

function parsePart(raw: Buffer): FormPart {
  const headerEnd = raw.indexOf(HEADER_END);
  if (headerEnd < 0) throw new Error('multipart part has no header block');
  const headers = parseHeaders(raw.subarray(0, headerEnd).toString('utf8'));
  const disposition = headers['content-disposition'] ?? '';
  const name = dispositionParam(disposition, 'name');
  if (name === undefined) throw new Error(`multipart part without a name: ${disposition}`);
  const filename = dispositionParam(disposition, 'filename');
  return {
    name,
    data: raw.subarray(headerEnd + HEADER_END.length),
    ...(filename === undefined ? {} : { filename }),
    ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
  };
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Reads `key="quoted"` or `key=bare` from a content-disposition value. */
function dispositionParam(disposition: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(disposition);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]?.trim();
}
