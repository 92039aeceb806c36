// The real application with only the web chat, on a fresh SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../app/config.ts';
import { createLogger } from '../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../app/startApp.ts';
import { enqueue } from '../../../core/storage/outbox/enqueue.ts';

export interface WebApp {
  app: RunningApp;
  /** Writes a message for a web visitor to the outbox and nudges the dispatcher. */
  send(visitor: string, text: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startWebApp(): Promise<WebApp> {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-web-'));
  const config = loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DEFAULT_LOCALE: 'en',
  });
  const app = await startApp(config, createLogger('silent'));
  return {
    app,
    async send(visitor, text) {
      await enqueue(app.db, {
        memberId: null,
        channel: 'web',
        address: visitor,
        dedupeKey: `test:${visitor}:${text}`,
        message: { text },
      });
      app.outbox.nudge();
    },
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The visitor id a response's Set-Cookie gave. */
export function visitorFrom(response: Response): string {
  const match = /loyalty_visitor=([\w-]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('the page set no visitor cookie');
  return match[1]!;
}
