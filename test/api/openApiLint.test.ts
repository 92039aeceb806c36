import { BaseResolver, createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

/** The document is one self-contained file: a $ref that leaves it is a lint error, never a download. */
class NoExternalRefs extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<never> {
    throw new Error(`The OpenAPI document refers outside itself (${absoluteRef}); it must be self-contained.`);
  }
}

let api: ApiTestApp;
let problems: NormalizedProblem[];

beforeAll(async () => {
  api = await startApiTestApp();
  const response = await fetch(`${api.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  // Redocly's built-in `recommended` rules, every one at its own severity: nothing to fetch, no redocly.yaml read.
  const config = await createConfig({ extends: ['recommended'] });
  problems = await lintFromString({
    source: await response.text(),
    absoluteRef: 'openapi.json',
    config,
    externalRefResolver: new NoExternalRefs(),
  });
});

afterAll(async () => {
  await api.stop();
});

/** "rule: message at #/paths/…" for each problem of a severity, so a failure says what to fix and where. */
function problemsOf(severity: NormalizedProblem['severity']): string[] {
  return problems
    .filter((problem) => problem.severity === severity)
    .map(
      (problem) =>
        `${problem.ruleId}: ${problem.message} at ${problem.location.map((at) => at.pointer ?? '#').join(', ')}`,
    );
}

describe('the OpenAPI document under Redocly’s recommended lint', () => {
  it('has no errors', () => {
    expect(problemsOf('error')).toEqual([]);
  });

  // The recommended warnings point at real gaps (an example that does not fit its schema, no licence…), so none is left.
  it('has no warnings', () => {
    expect(problemsOf('warn')).toEqual([]);
  });
});
