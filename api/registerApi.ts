import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './apiDeps.ts';
import { apiRateLimits } from './apiRateLimits.ts';
import { cachedApiKeys, type ApiKeyCache } from './apiKeyCache.ts';
import type { ApiRoute } from './apiRoute.ts';
import { createIdempotency } from './idempotency.ts';
import { API_PREFIX, mountRoutes } from './mountRoutes.ts';
import { openApiDocument } from './openApiDocument.ts';
import { useProblemDetails } from './problemHandlers.ts';
import { apiKeyRoutes } from './routes/apiKeyRoutes.ts';
import { ledgerRoutes } from './routes/ledgerRoutes.ts';
import { adjustmentRoutes } from './routes/adjustmentRoutes.ts';
import { privacyRoutes } from './routes/privacyRoutes.ts';
import { memberRoutes } from './routes/memberRoutes.ts';
import { memberPageRoutes } from './routes/memberPageRoutes.ts';
import { programRoutes } from './routes/programRoutes.ts';
import { programClockRoutes } from './routes/programClockRoutes.ts';
import { purchaseRoutes } from './routes/purchaseRoutes.ts';
import { auditRoutes } from './routes/auditRoutes.ts';
import { accountRoutes } from './routes/accountRoutes.ts';
import { sessionRoutes } from './routes/sessionRoutes.ts';
import { staffRoutes } from './routes/staffRoutes.ts';
import { ticketRoutes } from './routes/ticketRoutes.ts';
import { ticketActionRoutes } from './routes/ticketActionRoutes.ts';
import { quizRoutes } from './routes/quizRoutes.ts';
import { contestRoutes } from './routes/contestRoutes.ts';
import { surveyRoutes } from './routes/surveyRoutes.ts';
import { segmentRoutes } from './routes/segmentRoutes.ts';
import { campaignRoutes } from './routes/campaignRoutes.ts';
import { automationRoutes } from './routes/automationRoutes.ts';
import { pictureRoutes } from './routes/pictureRoutes.ts';
import { surveyReportRoutes } from './routes/surveyReportRoutes.ts';
import { scoreReportRoutes } from './routes/scoreReportRoutes.ts';
import { reportRoutes } from './routes/reportRoutes.ts';
import { prizeCodeRoutes } from './routes/prizeCodeRoutes.ts';
import { drawRoutes } from './routes/drawRoutes.ts';

const HOUR_MS = 3_600_000;
/** Idempotency keys are honoured this long; a till retries within minutes. */
const KEY_RETENTION_MS = 24 * HOUR_MS;

export type { ApiDeps };

/** Every route of the REST API, in the order the OpenAPI document lists them. */
export function apiRoutes(deps: ApiDeps, apiKeys: ApiKeyCache): ApiRoute[] {
  return [
    ...memberPageRoutes(deps),
    ...memberRoutes(deps),
    ...ledgerRoutes(deps),
    ...adjustmentRoutes(deps),
    ...privacyRoutes(deps),
    ...purchaseRoutes(deps),
    ...apiKeyRoutes(deps, apiKeys),
    ...programRoutes(deps),
    ...programClockRoutes(deps),
    ...staffRoutes(deps),
    ...auditRoutes(deps),
    ...sessionRoutes(deps),
    ...accountRoutes(deps),
    ...ticketRoutes(deps),
    ...ticketActionRoutes(deps),
    ...quizRoutes(deps),
    ...contestRoutes(deps),
    ...surveyRoutes(deps),
    ...segmentRoutes(deps),
    ...campaignRoutes(deps),
    ...automationRoutes(deps),
    ...pictureRoutes(deps),
    ...surveyReportRoutes(deps),
    ...scoreReportRoutes(deps),
    ...reportRoutes(deps),
    ...drawRoutes(deps),
    ...prizeCodeRoutes(deps),
  ];
}

/**
 * The REST API for point-of-sale systems under /api: /api/v1/… and the
 * OpenAPI document at /api/openapi.json (public, so tools can read it).
 */
export async function registerApi(server: FastifyInstance, deps: ApiDeps): Promise<void> {
  const apiKeys = cachedApiKeys(deps.apiKeyStore);
  const routes = apiRoutes(deps, apiKeys);
  const document = JSON.stringify(openApiDocument(routes));
  await server.register(
    async (scope) => {
      // The console signs in with a cookie; the API's bearer credentials need none of it.
      await scope.register(cookie);
      useProblemDetails(scope);
      const limits = apiRateLimits(scope, deps.limits);
      scope.get('/openapi.json', { onRequest: limits.byAddress }, (_request, reply) =>
        reply.type('application/json; charset=utf-8').send(document),
      );
      mountRoutes(scope, routes, {
        ...deps,
        apiKeys,
        idempotency: createIdempotency(deps.idempotencyStore, deps.clock),
        limits,
      });
    },
    { prefix: API_PREFIX },
  );
  purgeOldKeysHourly(server, deps);
}

function purgeOldKeysHourly(server: FastifyInstance, deps: ApiDeps): void {
  const purge = () => {
    deps.idempotencyStore
      .purge(new Date(deps.clock().getTime() - KEY_RETENTION_MS))
      .catch((error: unknown) => deps.log.warn({ err: error }, 'could not purge old idempotency keys'));
  };
  const timer = setInterval(purge, HOUR_MS).unref();
  server.addHook('onClose', async () => clearInterval(timer));
}
