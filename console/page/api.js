// Calls to the REST API with the session cookie. Every change carries the
// session's CSRF token; a problem's fields come back for the form to mark.

let csrfToken = '';

export function useCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The invalid fields, by JSON pointer without its leading slash. */
  get fields() {
    const errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    return Object.fromEntries(errors.map((error) => [String(error.pointer ?? '').replace(/^\//, ''), error.detail]));
  }
}

export async function api(method, path, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { ...headers } };
  if (method !== 'GET') init.headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) {
    init.headers['content-type'] ??= 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, { type: 'network' });
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, parsed);
    error.retryAfter = Number(response.headers.get('retry-after') ?? 0);
    throw error;
  }
  return parsed;
}

/**
 * Sends a file's bytes as the body (an uploaded picture), typed as the
 * browser read it; the server checks the bytes themselves. Answers like `api`.
 */
export async function upload(path, file) {
  const headers = { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrfToken };
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', headers, body: file });
  } catch {
    throw new ApiError(0, { type: 'network' });
  }
  const parsed = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

/**
 * A file the API sends as an attachment, fetched with the session cookie:
 * its bytes and the name the server gave it. A refusal is an ApiError.
 */
export async function download(path) {
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { type: 'network' });
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), name };
}
