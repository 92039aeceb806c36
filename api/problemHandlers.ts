import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem, PROBLEM_CONTENT_TYPE, type ProblemKind } from './problem.ts';
import { pathOf } from './mountRoutes.ts';
import { validationProblem } from './validateRequest.ts';

/**
 * Every error under /api becomes RFC 9457 problem details: our own problems,
 * what Fastify refuses before a handler runs (unreadable JSON, wrong media
 * type, too large), unknown routes, and unexpected failures (logged, shown
 * without internals).
 */
export function useProblemDetails(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = error instanceof ApiProblem ? error : fromFrameworkError(error, request.routeOptions.bodyLimit);
    if (problem.status >= 500) request.log.error({ err: error, url: pathOf(request) }, 'API request failed');
    if (problem.status === 401) void reply.header('www-authenticate', 'Bearer realm="loyalty"');
    // A limit a handler counts itself (failed code guesses) says when to come back, like the request limits.
    const { retryAfter } = problem.extensions;
    if (problem.status === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    return sendProblem(reply, problem, request);
  });
  scope.setNotFoundHandler((request, reply) => {
    const problem = new ApiProblem(
      'not-found',
      `There is no route ${request.method} ${pathOf(request)}; the routes are listed in /api/openapi.json.`,
    );
    return sendProblem(reply, problem, request);
  });
}

/**
 * What the router refuses before any /api route runs, so before the scope's
 * handlers above: a path parameter too long to look up, or one whose
 * percent-encoding is broken. Given to createHttpServer for the /api prefix.
 */
export function apiRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.statusCode === 414
      ? new ApiProblem(
          'uri-too-long',
          'A value in the path is longer than 100 characters; identifiers are far shorter, so check the URL.',
        )
      : error.statusCode === 400
        ? validationProblem([
            { location: 'path', pointer: '', detail: 'is not valid percent-encoding', reason: 'wrong-format' },
          ])
        : new ApiProblem('internal', 'The request failed on our side; it has been logged.');
  if (problem.status >= 500) request.log.error({ err: error, url: pathOf(request) }, 'API request failed');
  void sendProblem(reply, problem, request);
}

function sendProblem(reply: FastifyReply, problem: ApiProblem, request: FastifyRequest): FastifyReply {
  return reply
    .code(problem.status)
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify(problem.toBody(pathOf(request))));
}

const byStatus: Record<number, ProblemKind> = {
  400: 'malformed-request',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

const JSON_BODY_LIMIT = 1024 * 1024;

function fromFrameworkError(error: FastifyError, bodyLimit: number): ApiProblem {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const reason = error.message.replace(/\.$/, '');
    // A route of bytes (an upload) has a limit of its own, above the JSON routes' 1 MiB.
    const advice =
      status === 413 && bodyLimit > JSON_BODY_LIMIT
        ? `Send at most ${bodyLimit} bytes.`
        : 'Send a JSON object with "Content-Type: application/json".';
    return new ApiProblem(byStatus[status] ?? 'malformed-request', `${reason}. ${advice}`);
  }
  return new ApiProblem(
    'internal',
    'The request failed on our side; it has been logged. Retrying with the same Idempotency-Key is safe.',
  );
}
