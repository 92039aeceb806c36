// Starts the whole application on loopback for API tests, on SQLite or on
// the test PostgreSQL server, and calls it over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../app/config.ts';
import { createLogger } from '../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../app/startApp.ts';
import type { Provider } from '../../../core/storage/db/openDatabase.ts';
import { createTestDatabase } from '../../support/testDatabase.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghij';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiTestApp {
  app: RunningApp;
  url: string;
  /** Calls the API with the admin token unless `token` says otherwise (null: no Authorization header). */
  call<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  /** Creates an API key with the admin token and returns it. */
  newApiKey(name?: string, scopes?: string[]): Promise<{ id: string; key: string }>;
  /** Enrols a member and returns the answer's body. */
  enrol(
    phone: string,
    overrides?: Record<string, unknown>,
  ): Promise<Record<string, unknown> & { id: string; cardNumber: string; balance: number }>;
  stop(): Promise<void>;
}

export interface CallOptions {
  body?: unknown;
  token?: string | null;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export async function startApiTestApp(
  provider: Provider = 'sqlite',
  env: Record<string, string> = {},
  clock?: () => Date,
): Promise<ApiTestApp> {
  const { url: databaseUrl, dispose } = await databaseFor(provider);
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN,
    ...env,
  });
  const app = await startApp(config, createLogger('silent'), clock ? { clock } : {});
  const call: ApiTestApp['call'] = (method, path, options = {}) => request(app.url, method, path, options);
  return {
    app,
    url: app.url,
    call,
    newApiKey: async (name = 'Till 1', scopes?: string[]) =>
      (
        await call<{ id: string; key: string }>('POST', '/api/v1/api-keys', {
          body: { name, ...(scopes && { scopes }) },
        })
      ).body,
    enrol: async (phone, overrides = {}) => {
      const response = await call<Awaited<ReturnType<ApiTestApp['enrol']>>>('POST', '/api/v1/members', {
        body: { phone, name: 'Ana Popescu', locale: 'ro', consent: true, ...overrides },
      });
      if (response.status !== 201)
        throw new Error(`Enrolment failed with ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    stop: async () => {
      await app.stop();
      await dispose();
    },
  };
}

async function request<T>(base: string, method: string, path: string, options: CallOptions): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? ADMIN_TOKEN}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const response = await fetch(`${base}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

async function databaseFor(provider: Provider): Promise<{ url: string; dispose: () => Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'api-test-'));
    return { url: `file:${join(dir, 'api.db')}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  // The application migrates it at start-up, as in production.
  const database = await createTestDatabase('postgresql', { migrate: false });
  await database.close();
  return { url: database.url, dispose: () => database.dispose() };
}
