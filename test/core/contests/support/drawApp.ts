// Draws under test: the application on loopback with a test clock, a second
// instance on the same database when asked, and REST calls with the admin token.
import { createHash, createHmac } from 'node:crypto';
import { loadConfig } from '../../../../app/config.ts';
import { createLogger } from '../../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../../app/startApp.ts';
import { startScheduler } from '../../../../app/startScheduler.ts';
import { programSettingsFrom } from '../../../../app/programSettings.ts';
import { createTranslator } from '../../../../core/i18n/translator.ts';
import type { Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createTestDatabase } from '../../../support/testDatabase.ts';
import { ADMIN_TOKEN } from '../../../api/support/apiTestApp.ts';

export type Call = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
) => Promise<{ status: number; body: T }>;

export interface DrawApp {
  app: RunningApp;
  call: Call;
  /** Another instance of the application on the same database. */
  second(): Promise<{ app: RunningApp; call: Call }>;
  runJobs(app?: RunningApp): Promise<unknown>;
  stop(): Promise<void>;
}

const callOn =
  (app: () => RunningApp): Call =>
  async (method, path, body, token = ADMIN_TOKEN) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${app().url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: (json && text ? JSON.parse(text) : text) as never };
  };

export async function startDrawApp(provider: Provider, clock: () => Date): Promise<DrawApp> {
  const database = await createTestDatabase(provider, { migrate: false });
  await database.close();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN,
    JOBS_INTERVAL_SECONDS: '0',
    WELCOME_BONUS_POINTS: '0',
  });
  const log = createLogger('silent');
  const others: RunningApp[] = [];
  const handle: DrawApp = {
    app: await startApp(config, log, { clock }),
    call: callOn(() => handle.app),
    second: async () => {
      const app = await startApp(config, log, { clock });
      others.push(app);
      return { app, call: callOn(() => app) };
    },
    runJobs: (app = handle.app) =>
      startScheduler(
        app.db,
        {
          translator: createTranslator(),
          settings: programSettingsFrom(config),
          clock,
          log,
          loadRules: app.points.rules,
        },
        { intervalMs: 0 },
      ).runNow(),
    stop: async () => {
      for (const app of others) await app.stop();
      await handle.app.stop();
      await database.dispose();
    },
  };
  return handle;
}

/** A draw among purchases of at least 100.00, closing two hours after the test clock's start. */
export function drawBody(overrides: Record<string, unknown> = {}) {
  return {
    title: { en: 'Winter draw', ru: 'Зимний розыгрыш', ro: 'Tragerea de iarnă' },
    prizes: [
      { name: { en: 'Coffee machine', ru: 'Кофемашина' }, count: 1 },
      { name: { en: '500 points' }, count: 2, points: 500 },
    ],
    entry: { kind: 'purchase', minAmount: 10_000 },
    opensAt: '2026-12-02T00:00:00Z',
    closesAt: '2026-12-02T12:00:00Z',
    drawAt: '2026-12-02T12:00:00Z',
    published: true,
    ...overrides,
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A published result's entries by score ascending, recomputed the way anyone would, with node:crypto alone. */
export function byScore<Entry extends { id: string }>(
  result: { seed: string; entriesDigest: string; beacon: string },
  entries: readonly Entry[],
): Entry[] {
  const key = sha256(`${result.seed}:${result.entriesDigest}:${result.beacon}`);
  const score = (id: string) => createHmac('sha256', key).update(id).digest('hex');
  return [...entries].sort((a, b) => (score(a.id) < score(b.id) ? -1 : 1));
}
