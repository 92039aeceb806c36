import type { z } from 'zod';
import type { Account } from '../core/accounts/accountsPorts.ts';
import type { Permission } from '../core/accounts/roles.ts';
import type { ApiScope } from '../core/api/apiPorts.ts';
import type { ProblemKind } from './problem.ts';

/** The media types a body may come as: JSON, or a JSON Merge Patch (RFC 7396) for PATCH. */
export type BodyType = 'application/json' | 'application/merge-patch+json';

/**
 * Who may call a route. A permission (core/accounts/roles.ts) is granted by
 * an API key's scopes or a console account's role, and always to the admin
 * token; `session` is anyone signed in to the console (or the admin token);
 * `public` needs no credential at all (signing in).
 */
export type Access = Permission | 'session' | 'public';

/** A body of bytes: sent with one of `types`, at most `maxBytes` long (more is a 413 before the handler runs). */
export interface RawBody {
  types: readonly string[];
  maxBytes: number;
}

/** The authenticated caller; idempotency keys are scoped by `id` ('admin' for the admin token). */
export type ApiClient =
  | { kind: 'admin'; id: 'admin'; scopes: readonly ApiScope[] }
  | { kind: 'key'; id: string; scopes: readonly ApiScope[] }
  /** Signed in to the console: `id` is the account's, `sessionId` the session's. */
  | {
      kind: 'account';
      id: string;
      scopes: readonly ApiScope[];
      account: Account;
      sessionId: string;
      csrfToken: string;
    }
  /** Nobody yet, on a public route: known by address. */
  | { kind: 'anonymous'; id: string; scopes: readonly ApiScope[] };

/** The credential as purchases, limits and the audit log record it: `key:<id>`, `account:<id>`, or `admin`. */
export function credentialOf(client: ApiClient): string {
  if (client.kind === 'admin') return 'admin';
  return `${client.kind === 'anonymous' ? 'address' : client.kind}:${client.id}`;
}

/** Sets or clears the console's session cookie on the answer. */
export interface SessionCookie {
  set(token: string): void;
  clear(): void;
}

/** A success answer; problems are thrown as ApiProblem instead. */
export interface ApiResult {
  status: number;
  body: unknown;
  /** Bytes that are no JSON (a customer's photo): sent as they are, with their type; GET routes only. */
  raw?: { type: string; bytes: Uint8Array };
  /** The handler already stored this answer under the request's Idempotency-Key, in the transaction of its work. */
  replyKept?: boolean;
  /** Extra response headers (a download's Content-Disposition); not kept for Idempotency-Key replays, so only for GET. */
  headers?: Record<string, string>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  client: ApiClient;
  sessionCookie: SessionCookie;
  /** The address the request came from (as TRUST_PROXY allows), for limits on signing in. */
  address: string;
  /** The Idempotency-Key this request claimed, for a handler that stores its answer with its work; null without one. */
  idempotency: { client: string; key: string } | null;
}

/**
 * One route, described once: the same zod schemas validate the request and
 * produce the OpenAPI document, so the two cannot disagree.
 */
export interface RouteSpec<
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style full path, e.g. `/api/v1/members/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  body?: B;
  /** The media type the body must be sent as; another one is a 415. */
  bodyType?: BodyType;
  /** The body is bytes, not JSON (an uploaded picture): the media types taken and the most bytes; `body` then checks a Uint8Array. */
  rawBody?: RawBody;
  query?: Q;
  params?: P;
  /** A request that the documentation shows, and the conformance test sends. */
  example?: { body?: unknown; query?: Record<string, string>; params?: Record<string, string> };
  /** Success statuses with their body schema. */
  responses: Record<number, { description: string; schema: z.ZodType; mediaType?: string }>;
  /** Problems this route can answer besides the ones every route can (validation, authentication…). */
  problems: ProblemKind[];
  handle(input: RouteInput<B, Q, P>): Promise<ApiResult>;
}

export type ApiRoute = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

/** Keeps a route's handler typed by its own schemas, and erases those types for the route table. */
export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<B, Q, P>): ApiRoute {
  return spec as unknown as ApiRoute;
}
