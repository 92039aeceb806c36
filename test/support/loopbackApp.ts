// The real application on loopback as console, browser and web chat tests
// start it: quiet, with no scheduler ticking (a test runs jobs when it means
// to), on a SQLite file in a temp folder of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../app/config.ts';
import { createLogger } from '../../app/logger.ts';
import { startApp, type RunningApp } from '../../app/startApp.ts';

export interface LoopbackApp {
  app: RunningApp;
  /** The temp folder holding the database, and whatever else the test keeps beside it. */
  dir: string;
  /** Stops the application and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts the application on a fresh temp folder named from `prefix`. `env` adds to the
 * loopback configuration; given as a function it may place files in the folder.
 */
export async function startLoopbackApp(
  prefix: string,
  env: Record<string, string> | ((dir: string) => Record<string, string>) = {},
  options: { clock?: () => Date } = {},
): Promise<LoopbackApp> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const config = loopbackConfig(dir, typeof env === 'function' ? env(dir) : env);
  const app = await startApp(config, createLogger('silent'), options);
  return {
    app,
    dir,
    stop: async () => {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The configuration of a quiet application on loopback whose database is `test.db` in `dir`. */
export function loopbackConfig(dir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...env,
  });
}
