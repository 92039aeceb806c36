import { z } from 'zod';
import type { ApiRoute } from './apiRoute.ts';
import { PROBLEM_CONTENT_TYPE, problemKinds, problemSchema, problemType, type ProblemKind } from './problem.ts';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document, generated from the very route table and zod
 * schemas that validate requests, so what it promises is what the server
 * accepts. Request schemas are the schemas' input side (defaults optional),
 * response schemas their output side.
 */
export function openApiDocument(routes: ApiRoute[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Loyalty assistant REST API',
      version: '1.0.0',
      description:
        'For point-of-sale systems: enrol and look up members, record purchases (earn, redeem, discount) and refunds. Amounts are whole numbers in minor units. ' +
        'Every POST honours an `Idempotency-Key` header: the same key and body get the first answer again; the same key with another body gets 409.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative, so the document is right on whichever host serves it; the paths carry the /api prefix themselves.
    servers: [{ url: '/', description: 'The server this document is served from.' }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from POST /api/v1/api-keys, or the ADMIN_TOKEN (required for admin routes).',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'loyalty_session',
          description:
            'The console session from POST /api/v1/session; every change made with it also carries the X-CSRF-Token header.',
        },
      },
      schemas: { Problem: { ...jsonSchema(problemSchema, 'output'), description: problemCatalogue() } },
    },
  };
}

const accessNote: Record<ApiRoute['access'], string> = {
  public: 'No credential needed.',
  session: 'Anyone signed in to the console.',
  admin: 'The admin token or the owner; an API key gets 403.',
  till: 'The admin token, the owner, or an API key with the `till` scope; a `reports` key gets 403.',
  read: 'The admin token, an API key with the `till` or `reports` scope, or a console role of owner, marketer or support.',
  program: 'The admin token, or a console owner or marketer.',
  desk: 'The admin token, or a console owner or support.',
  members: 'The admin token, or a console owner, marketer or support.',
  adjust: 'The admin token, or a console owner or marketer.',
  privacy: 'The admin token, or the console owner.',
  quizzes: 'The admin token, or a console owner or marketer.',
  reports: 'The admin token, an API key with the `reports` scope, or any console role but support.',
  surveys: 'The admin token, or a console owner or marketer.',
  campaigns: 'The admin token, or a console owner or marketer.',
  contests: 'The admin token, or a console owner or marketer.',
  moderation: 'The admin token, or a console owner, marketer or support.',
};

function operation(route: ApiRoute): JsonSchema {
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, accessNote[route.access]].filter(Boolean).join('\n\n'),
    tags: [route.tag],
    'x-access': route.access,
    ...(route.access === 'public' && { security: [] }),
    parameters: [
      ...parameters(route.params, 'path', route.example?.params),
      ...parameters(route.query, 'query', route.example?.query),
      ...(route.method === 'POST' ? [idempotencyKeyHeader] : []),
    ],
    ...(route.body && {
      requestBody: {
        required: true,
        content: {
          [route.bodyType ?? 'application/json']: {
            schema: jsonSchema(route.body, 'input'),
            ...(route.example?.body !== undefined && { example: route.example.body }),
          },
        },
      },
    }),
    responses: { ...successResponses(route), ...problemResponses(route) },
  };
}

const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (a UUID) per operation. Retrying with the same key and body returns the first answer (with `Idempotent-Replayed: true`); kept for 24 hours.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
};

function parameters(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  examples: Record<string, string> = {},
): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    ...(typeof property.description === 'string' && { description: property.description }),
    schema: property,
    ...(examples[name] !== undefined && { example: typedExample(examples[name], property) }),
  }));
}

/** A route's example is written as it appears in the URL; the document shows it as the value its schema describes. */
function typedExample(text: string, schema: JsonSchema): unknown {
  if (schema.type === 'integer' || schema.type === 'number') return Number(text);
  if (schema.type === 'boolean') return text === 'true';
  return text;
}

function successResponses(route: ApiRoute): JsonSchema {
  const entries = Object.entries(route.responses).map(([status, response]) => [
    status,
    {
      description: response.description,
      content: { [response.mediaType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') } },
    },
  ]);
  return Object.fromEntries(entries);
}

/** The problems a route can answer, grouped by status, each listed with its type. */
function problemResponses(route: ApiRoute): JsonSchema {
  const byStatus = new Map<number, ProblemKind[]>();
  // A route may name a kind every route of its sort has anyway (`validation`); it is listed once.
  for (const kind of new Set(problemKindsOf(route)))
    byStatus.set(problemKinds[kind].status, [...(byStatus.get(problemKinds[kind].status) ?? []), kind]);
  const entries = [...byStatus].map(([status, kinds]) => [
    String(status),
    {
      description: kinds.map((kind) => `\`${problemType(kind)}\`: ${problemKinds[kind].title}`).join('; '),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      ...(status === 429 && { headers: { 'Retry-After': retryAfterHeader } }),
    },
  ]);
  return Object.fromEntries(entries);
}

const retryAfterHeader = {
  description:
    'Seconds to wait before sending the request again. The limits are per API key (or admin token) and per address, per minute.',
  schema: { type: 'integer', minimum: 1 },
};

function problemKindsOf(route: ApiRoute): ProblemKind[] {
  const inPath = route.path.includes('{');
  const validates = route.body || route.query || route.params || inPath || route.method === 'POST';
  // Fastify reads a body on every method but GET before any handler runs, whether or not the route wants one.
  const readsBody = route.method !== 'GET';
  return [
    ...(validates ? (['validation'] as const) : []),
    ...(readsBody ? (['malformed-request', 'payload-too-large', 'unsupported-media-type'] as const) : []),
    // The router refuses a path parameter it will not look up, before any handler (apiRouterRefusal).
    ...(inPath ? (['uri-too-long'] as const) : []),
    ...(route.access === 'public' ? [] : (['unauthorized', 'forbidden'] as const)),
    ...route.problems,
    ...(route.method === 'POST' ? (['idempotency-key-reused', 'idempotency-in-progress'] as const) : []),
    'rate-limited',
    'internal',
  ];
}

function problemCatalogue(): string {
  const lines = Object.entries(problemKinds).map(
    ([kind, { status, title }]) => `- \`${problemType(kind as ProblemKind)}\` (${status}): ${title}`,
  );
  return `RFC 9457 problem details, sent as ${PROBLEM_CONTENT_TYPE}. Kinds:\n${lines.join('\n')}`;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // The dialect is the document's own (OpenAPI 3.1 uses JSON Schema 2020-12), so it is not repeated per schema.
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema;
  return generated;
}
