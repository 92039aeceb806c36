import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.ts';
import { createLogger } from '../../app/logger.ts';
import { startApp, type RunningApp } from '../../app/startApp.ts';
import { createTestDatabase, providers } from '../support/testDatabase.ts';

let dir: string;
const running: RunningApp[] = [];

async function start(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dir, 'app.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await startApp(config, createLogger('silent'));
  running.push(app);
  return app;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-app-'));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop().catch(() => undefined)));
  rmSync(dir, { recursive: true, force: true });
});

describe('the application on its embedded default', () => {
  it('answers /healthz while the process is up', async () => {
    const app = await start();
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 while the database answers', async () => {
    const app = await start();
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
  });

  it('serves the web chat page at /', async () => {
    const app = await start();
    const response = await fetch(`${app.url}/`, { headers: { 'accept-language': 'ro-MD' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="ro"');
  });

  it('generates an admin token on the first start only, and accepts it afterwards', async () => {
    const first = await start();
    const token = first.adminToken.generated;
    expect(token).toMatch(/^[\w-]{32}$/);
    await first.stop();
    running.length = 0;

    const second = await start();
    expect(second.adminToken.generated).toBeNull();
    expect(second.adminToken.verify(token!)).toBe(true);
    expect(second.adminToken.verify(`${token}x`)).toBe(false);
  });

  it('uses ADMIN_TOKEN when it is configured and generates none', async () => {
    const app = await start({ ADMIN_TOKEN: 'a-configured-token-of-some-length' });
    expect(app.adminToken.generated).toBeNull();
    expect(app.adminToken.verify('a-configured-token-of-some-length')).toBe(true);
  });
});

describe.skipIf(!providers.includes('postgresql'))('the application on PostgreSQL', () => {
  it('answers /readyz with 503 once the database is gone, and /healthz still with 200', async () => {
    const database = await createTestDatabase('postgresql', { migrate: false });
    await database.close();
    const app = await start({ DATABASE_URL: database.url });
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);

    await database.dispose();
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
