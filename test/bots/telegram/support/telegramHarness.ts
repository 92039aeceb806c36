// The real application, Telegram channel on, talking HTTP to the fake Bot
// API on loopback, with a fresh SQLite file per harness. Tests talk to it as
// Telegram users (`harness.user(id)`) or POST webhook updates themselves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../../app/config.ts';
import { createLogger } from '../../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../../app/startApp.ts';
import { startFakeBotApi, type FakeBotApi } from '../../../support/fakeBotApi.ts';
import type { UpdateOptions } from '../../../support/telegramUpdates.ts';
import { TelegramUser } from './telegramUser.ts';

export const WEBHOOK_SECRET = 's3cret';
export const PUBLIC_URL = 'http://127.0.0.1';

export interface HarnessOptions {
  /** Webhook mode (PUBLIC_URL and secret set) instead of long polling. */
  webhook?: boolean;
  /** Extra environment variables, e.g. DEFAULT_LOCALE. */
  env?: Record<string, string>;
  /** Keeps every log line (at debug and above) in `harness.logs`, through the application's own logger. */
  captureLogs?: boolean;
}

/** A log line as the application wrote it, parsed. */
export interface LogLine {
  level: number;
  msg?: string;
  raw: string;
  [field: string]: unknown;
}

export class TelegramHarness {
  private constructor(
    readonly fake: FakeBotApi,
    private running: RunningApp,
    private readonly dir: string,
    private readonly env: Record<string, string>,
    readonly logs: LogLine[],
  ) {}

  static async start(options: HarnessOptions = {}): Promise<TelegramHarness> {
    const fake = await startFakeBotApi();
    const dir = mkdtempSync(join(tmpdir(), 'telegram-test-'));
    const env = {
      DATABASE_URL: `file:${join(dir, 'test.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DEFAULT_LOCALE: 'ru',
      ...(options.webhook && { PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET }),
      ...options.env,
    };
    const logs: LogLine[] = [];
    try {
      return new TelegramHarness(fake, await launch(env, options.captureLogs ? logs : undefined), dir, env, logs);
    } catch (error) {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get app(): RunningApp {
    return this.running;
  }

  get prisma(): RunningApp['db']['prisma'] {
    return this.running.db.prisma;
  }

  /** Someone writing to the bot from their own private chat (chat id = user id). */
  user(id: number, options: UpdateOptions = {}): TelegramUser {
    return new TelegramUser(this.fake, id, options);
  }

  /** Stops the application and starts a new one on the same database file and fake. */
  async restartApp(): Promise<void> {
    await this.running.stop();
    this.running = await launch(this.env, this.logs);
  }

  /** POSTs a body to the webhook route; `secret: null` leaves the header out. */
  postToWebhook(body: unknown, options: { secret?: string | null; raw?: boolean } = {}): Promise<Response> {
    const secret = options.secret === undefined ? WEBHOOK_SECRET : options.secret;
    return fetch(`${this.running.url}/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret !== null && { 'X-Telegram-Bot-Api-Secret-Token': secret }),
      },
      body: options.raw ? String(body) : JSON.stringify(body),
    });
  }

  async stop(): Promise<void> {
    await this.running.stop();
    await this.fake.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function launch(env: Record<string, string>, logs?: LogLine[]): Promise<RunningApp> {
  const log = logs
    ? createLogger('debug', { write: (line: string) => void logs.push({ ...JSON.parse(line), raw: line }) })
    : createLogger('silent');
  // Scheduled jobs run on the real clock; their own suites drive them with a fixed one.
  return startApp(loadConfig({ JOBS_INTERVAL_SECONDS: '0', ...env }), log);
}
