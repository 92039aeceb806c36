import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from './support/matchesJsonSchema.ts';
import { startApiTestApp, type ApiResponse, type ApiTestApp } from './support/apiTestApp.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Operation {
  method: string;
  path: string;
  spec: Json;
}

let api: ApiTestApp;
let doc: Json;

beforeAll(async () => {
  api = await startApiTestApp();
  const response = await fetch(`${api.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  doc = (await response.json()) as Json;
});

afterAll(async () => {
  await api.stop();
});

/** Every operation of the document, in its order (enrolment comes before the routes that need a member). */
function operations(): Operation[] {
  return Object.entries(doc.paths as Json).flatMap(([path, methods]) =>
    Object.entries(methods as Json).map(([method, spec]) => ({
      method: method.toUpperCase(),
      path,
      spec: spec as Json,
    })),
  );
}

function parametersIn(op: Operation, where: 'path' | 'query'): Json[] {
  return ((op.spec.parameters ?? []) as Json[]).filter((p) => p.in === where);
}

/** The media type and its description of an operation's request body, whichever type the document names. */
function requestMedia(op: Operation): { type: string; media: Json } | undefined {
  const [type, media] = Object.entries((op.spec.requestBody?.content ?? {}) as Json)[0] ?? [];
  return type ? { type, media: media as Json } : undefined;
}

/** The request the document shows for an operation, optionally without one field. */
function exampleRequest(op: Operation, omit: { query?: string; body?: string } = {}) {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(parametersIn(op, 'path').find((p) => p.name === name)!.example),
  );
  const query = new URLSearchParams(
    parametersIn(op, 'query')
      .filter((p) => p.example !== undefined && p.name !== omit.query)
      .map((p) => [p.name, p.example]),
  );
  const example = requestMedia(op)?.media.example;
  const body =
    example && omit.body ? Object.fromEntries(Object.entries(example).filter(([key]) => key !== omit.body)) : example;
  return { url: query.size > 0 ? `${path}?${query}` : path, body };
}

/** The Content-Type the document asks for, when the operation takes a body. */
function mediaHeaders(op: Operation): Record<string, string> {
  const type = requestMedia(op)?.type;
  return type ? { 'content-type': type } : {};
}

function send(op: Operation, request: { url: string; body: unknown }): Promise<ApiResponse<Json>> {
  return api.call<Json>(op.method, request.url, {
    body: request.body,
    headers: mediaHeaders(op),
    ...(op.method === 'POST' && { idempotencyKey: randomUUID() }),
  });
}

/** The answer is one the document lists for this operation, and its body has the documented shape. */
function expectDocumented(op: Operation, response: ApiResponse<Json>): void {
  const documented = op.spec.responses[String(response.status)];
  expect(documented, `${op.method} ${op.path} answered ${response.status}, which is not documented`).toBeDefined();
  const [contentType, media] = Object.entries(documented.content as Json)[0]!;
  expect(response.headers.get('content-type')).toContain(contentType);
  expect(
    schemaErrors(response.body, (media as Json).schema, doc),
    `${op.method} ${op.path} → ${response.status}`,
  ).toEqual([]);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with bearer or console-session authentication and a problem schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(doc.components.schemas.Problem.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance']),
    );
  });

  it('documents the routes the issue asks for', () => {
    const listed = operations().map((op) => `${op.method} ${op.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'POST /api/v1/members',
        'GET /api/v1/members',
        'GET /api/v1/members/{id}',
        'GET /api/v1/members/{id}/ledger',
        'POST /api/v1/purchases',
        'POST /api/v1/purchases/{id}/refund',
        'POST /api/v1/api-keys',
        'DELETE /api/v1/api-keys/{id}',
        'GET /api/v1/program',
        'PUT /api/v1/program',
        'PATCH /api/v1/program',
        'POST /api/v1/staff',
        'DELETE /api/v1/staff/{id}',
        'GET /api/v1/tickets',
        'GET /api/v1/tickets/events',
        'GET /api/v1/tickets/{id}',
        'GET /api/v1/tickets/{id}/photos/{messageId}',
        'POST /api/v1/tickets/{id}/replies',
        'POST /api/v1/tickets/{id}/take',
        'POST /api/v1/tickets/{id}/resolve',
      ]),
    );
  });

  it('documents 401 and 403 on every route that needs a credential, as problem details', () => {
    for (const op of operations()) {
      if (op.spec['x-access'] === 'public') {
        expect(op.spec.security, `${op.method} ${op.path}`).toEqual([]);
        continue;
      }
      expect(op.spec.responses['401'].content['application/problem+json'], `${op.method} ${op.path}`).toBeDefined();
      expect(op.spec.responses['403'], `${op.method} ${op.path}`).toBeDefined();
    }
  });

  it('documents 429 with Retry-After on every route, as problem details', () => {
    for (const op of operations()) {
      const tooMany = op.spec.responses['429'];
      expect(tooMany?.content['application/problem+json'], `${op.method} ${op.path}`).toBeDefined();
      expect(tooMany.description).toContain('/api/problems/rate-limited');
      expect(tooMany.headers['Retry-After'].schema).toMatchObject({ type: 'integer' });
    }
  });

  it('documents 413 and 415 on every route that reads a body, and 414 on every route with a path parameter', () => {
    for (const op of operations()) {
      const declared = Object.keys(op.spec.responses);
      const readsBody = op.method !== 'GET';
      const inPath = op.path.includes('{');
      const expected = [...(readsBody ? ['400', '413', '415'] : []), ...(inPath ? ['400', '414'] : [])];
      expect(declared, `${op.method} ${op.path}`).toEqual(expect.arrayContaining(expected));
      for (const status of ['413', '414', '415'].filter((s) => expected.includes(s)))
        expect(op.spec.responses[status].content['application/problem+json'], `${op.method} ${op.path}`).toBeDefined();
    }
  });

  it('shows examples that conform to its own request schemas', () => {
    for (const op of operations()) {
      const media = requestMedia(op)?.media;
      if (media) expect(schemaErrors(media.example, media.schema, doc), `${op.method} ${op.path}`).toEqual([]);
      for (const parameter of [...parametersIn(op, 'path'), ...parametersIn(op, 'query')]) {
        if (parameter.example === undefined) continue;
        const value = parameter.schema.type === 'integer' ? Number(parameter.example) : parameter.example;
        expect(schemaErrors(value, parameter.schema, doc), `${op.method} ${op.path} ${parameter.name}`).toEqual([]);
      }
    }
  });
});

describe('the server against its OpenAPI document', () => {
  it('accepts the documented example of every operation and answers as documented', async () => {
    const answered: string[] = [];
    for (const op of operations()) {
      const response = await send(op, exampleRequest(op));
      expect(response.status, `${op.method} ${op.path}: ${JSON.stringify(response.body)}`).not.toBe(400);
      expectDocumented(op, response);
      answered.push(`${op.method} ${op.path} ${response.status}`);
    }
    // The examples chain: the enrolled example member is the one the lookup and purchase examples name.
    expect(answered).toEqual(
      expect.arrayContaining([
        'POST /api/v1/members 201',
        'GET /api/v1/members 200',
        'POST /api/v1/purchases 201',
        'PUT /api/v1/program 200',
      ]),
    );
  });

  it('refuses, with a documented 400 problem, every example missing one required field', async () => {
    let checked = 0;
    for (const op of operations()) {
      const bodySchema = requestMedia(op)?.media.schema;
      const missing = [
        ...((bodySchema?.required ?? []) as string[]).map((name) => ({
          body: name,
          pointer: `/${name}`,
          location: 'body',
        })),
        ...parametersIn(op, 'query')
          .filter((p) => p.required)
          .map((p) => ({ query: p.name as string, pointer: `/${p.name}`, location: 'query' })),
      ];
      for (const omit of missing) {
        const response = await send(op, exampleRequest(op, omit));
        expect(response.status, `${op.method} ${op.path} without ${omit.pointer}`).toBe(400);
        expectDocumented(op, response);
        expect(response.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ location: omit.location, pointer: omit.pointer })]),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });

  it('refuses a body with a field the document does not list', async () => {
    // A body of bytes (an upload) has no fields; its refusals are tested by its own route's tests.
    for (const op of operations().filter((o) => o.spec.requestBody && requestMedia(o)!.type.endsWith('json'))) {
      const example = requestMedia(op)!.media.example;
      const response = await send(op, { ...exampleRequest(op), body: { ...example, undocumented: true } });
      expect(response.status, `${op.method} ${op.path}`).toBe(400);
    }
  });

  it('answers a too-long path parameter, a too-large body and a body of another type as documented', async () => {
    for (const op of operations()) {
      // A route of bytes names its own limit; the JSON routes take 1 MiB.
      const oversize = 'x'.repeat(((op.spec.requestBody?.['x-max-bytes'] as number) ?? 1024 * 1024) + 1);
      const { url, body } = exampleRequest(op);
      if (op.path.includes('{')) {
        const tooLong = op.path.replace(/\{\w+\}/g, 'x'.repeat(101));
        const response = await api.call<Json>(op.method, tooLong, { body, headers: mediaHeaders(op) });
        expect(response.status, `${op.method} ${tooLong}`).toBe(414);
        expectDocumented(op, response);
      }
      if (op.method === 'GET') continue;
      const tooLarge = await api.call<Json>(op.method, url, { body: oversize, headers: mediaHeaders(op) });
      expect(tooLarge.status, `${op.method} ${url} with a body over its limit`).toBe(413);
      expectDocumented(op, tooLarge);
      const xml = await api.call<Json>(op.method, url, {
        body: '<a/>',
        headers: { 'content-type': 'application/xml' },
      });
      expect(xml.status, `${op.method} ${url} with an XML body`).toBe(415);
      expectDocumented(op, xml);
    }
  });

  it('serves no /api route the document leaves out', () => {
    const documented = new Set(operations().flatMap((op) => [`${op.method} ${op.path}`, `HEAD ${op.path}`]));
    const served = servedRoutes(api.app.server.printRoutes({ commonPrefix: false })).filter((route) =>
      route.includes(' /api/v1/'),
    );
    expect(served.length).toBeGreaterThanOrEqual(operations().length);
    for (const route of served) expect(documented, route).toContain(route);
  });
});

/** "METHOD /path/{param}" for every route in Fastify's printed route tree. */
function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  return tree.split('\n').flatMap((line) => {
    const match = /^([\s│├└─]*)(\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) return [];
    const depth = match[1]!.length / 4;
    stack[depth] = (stack[depth - 1] ?? '') + match[2]!;
    const path = stack[depth]!.replace(/:(\w+)/g, '{$1}');
    return (match[3] ?? '')
      .split(', ')
      .filter(Boolean)
      .map((method) => `${method} ${path}`);
  });
}
