import type { ApiDeps } from './apiDeps.ts';
import { credentialOf, type ApiClient } from './apiRoute.ts';

/** Records a change made through the API in the audit log, naming the credential that made it. */
export function auditChange(
  deps: Pick<ApiDeps, 'audit' | 'clock'>,
  client: ApiClient,
  change: { action: string; subject: string; before: unknown; after: unknown },
): Promise<void> {
  return deps.audit.record({ at: deps.clock(), actor: credentialOf(client), ...change });
}
