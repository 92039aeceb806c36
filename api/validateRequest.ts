import type { z } from 'zod';
import type { ApiRoute } from './apiRoute.ts';
import { ApiProblem, fieldReasons, type FieldReason } from './problem.ts';

type Location = 'body' | 'query' | 'path' | 'header';

export interface FieldError {
  location: Location;
  /** JSON pointer into that part of the request ('' for the part as a whole). */
  pointer: string;
  detail: string;
  /** Why, as a word a client can translate (see `fieldReasons` in problem.ts); absent where a route wrote its own detail. */
  reason?: FieldReason;
  /** The bound that `too-small` or `too-big` was measured against. */
  limit?: number;
}

export interface RawRequest {
  body: unknown;
  query: unknown;
  params: unknown;
}

/**
 * Parses every part of a request with the route's schemas and reports every
 * invalid field at once, so a developer fixes them in one round.
 */
export function validateRequest(route: ApiRoute, raw: RawRequest): { body: unknown; query: unknown; params: unknown } {
  const errors: FieldError[] = [];
  const body = parsePart(route.body, raw.body, 'body', errors);
  const query = parsePart(route.query, raw.query, 'query', errors);
  const params = parsePart(route.params, raw.params, 'path', errors);
  if (errors.length > 0) throw validationProblem(errors);
  return { body, query, params };
}

/** A value checked against a schema after the request's own validation (a merged PATCH); invalid fields are a 400. */
export function validatedBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const errors: FieldError[] = [];
  const parsed = parsePart(schema, value, 'body', errors);
  if (errors.length > 0) throw validationProblem(errors);
  return parsed as z.output<S>;
}

export function validationProblem(errors: FieldError[]): ApiProblem {
  const listed = errors.map((e) => `${e.location} ${e.pointer || '(whole)'}: ${e.detail}`).join('; ');
  return new ApiProblem(
    'validation',
    `Fix ${errors.length === 1 ? 'this field' : `these ${errors.length} fields`} and send the request again: ${listed}.`,
    { errors },
  );
}

function parsePart(schema: z.ZodType | undefined, value: unknown, location: Location, errors: FieldError[]): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    errors.push({ location, pointer: pointerOf(issue.path), detail: issue.message, ...reasonOf(issue) });
  return undefined;
}

/**
 * Zod's issue, said in the API's own words: clients (the console) show the
 * field's message in their reader's language instead of zod's English.
 */
function reasonOf(issue: z.core.$ZodIssue): Pick<FieldError, 'reason' | 'limit'> {
  switch (issue.code) {
    case 'too_small':
      return { reason: 'too-small', limit: Number(issue.minimum) };
    case 'too_big':
      return { reason: 'too-big', limit: Number(issue.maximum) };
    case 'invalid_type':
      if (issue.expected === 'int') return { reason: 'not-integer' };
      return { reason: issue.expected === 'number' ? 'not-a-number' : 'wrong-type' };
    case 'invalid_format':
      return { reason: 'wrong-format' };
    case 'invalid_value':
      return { reason: 'not-an-option' };
    case 'unrecognized_keys':
      return { reason: 'unknown-field' };
    case 'custom':
      return { reason: customReason(issue.params?.['reason']) };
    default:
      return { reason: 'invalid' };
  }
}

function customReason(given: unknown): FieldReason {
  return (fieldReasons as readonly unknown[]).includes(given) ? (given as FieldReason) : 'invalid';
}

function pointerOf(path: PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
