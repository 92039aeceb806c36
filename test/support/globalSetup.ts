// Runs once per `vitest run`: makes a real PostgreSQL server available to the
// storage tests (see test/support/postgres.ts) and stops it afterwards.
import type { TestProject } from 'vitest/node';
import { acquirePostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server's maintenance database; absent when PostgreSQL is unavailable. */
    postgresUrl?: string;
    /** Why PostgreSQL suites are skipped, shown in the test report. */
    postgresSkipReason?: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const acquired = await acquirePostgres();
  if (!acquired.server) {
    // CI must test PostgreSQL for real, never skip it quietly.
    if (process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL is unavailable: ${acquired.reason}.`);
    console.warn(`PostgreSQL tests will be skipped: ${acquired.reason}.`);
    project.provide('postgresSkipReason', acquired.reason);
    return async () => {};
  }
  project.provide('postgresUrl', acquired.server.url);
  return () => acquired.server.stop();
}
