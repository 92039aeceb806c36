// The real application with the Viber channel on, its webhook registered
// with the Viber stand-in over loopback, a fresh SQLite file per harness.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../../app/config.ts';
import { createLogger } from '../../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../../app/startApp.ts';
import { startFakeViberApi, type FakeViberApi } from '../../../support/fakeViberApi.ts';
import type { FakeBotApi } from '../../../support/fakeBotApi.ts';
import { createTestDatabase, type TestDatabase } from '../../../support/testDatabase.ts';
import type { Provider } from '../../../../core/storage/db/openDatabase.ts';
import type { LogLine } from '../../telegram/support/telegramHarness.ts';
import { ViberUser } from './viberUser.ts';

export const VIBER_BOT_NAME = 'Cafe Loyalty';

export interface ViberHarnessOptions {
  env?: Record<string, string>;
  captureLogs?: boolean;
  /** Telegram on too, in webhook mode, against a Bot API stand-in (one person on two channels). */
  telegram?: FakeBotApi;
  /** The application's clock (the real one unless a test moves time on). */
  clock?: () => Date;
  /** SQLite (a file of the harness's own) unless PostgreSQL is asked for: a fresh database on the test server. */
  provider?: Provider;
}

export const TELEGRAM_SECRET = 'viber-harness-telegram-secret';

export class ViberHarness {
  private constructor(
    readonly fake: FakeViberApi,
    readonly app: RunningApp,
    private readonly dir: string,
    readonly logs: LogLine[],
    private readonly database: TestDatabase | null = null,
  ) {}

  static async start(options: ViberHarnessOptions = {}): Promise<ViberHarness> {
    const fake = await startFakeViberApi();
    const dir = mkdtempSync(join(tmpdir(), 'viber-test-'));
    // Viber calls the webhook back during set_webhook, so PUBLIC_URL must be where the app really listens.
    const port = await freePort();
    const database = options.provider === 'postgresql' ? await createTestDatabase('postgresql') : null;
    const env = {
      DATABASE_URL: database?.url ?? `file:${join(dir, 'test.db')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
      DEFAULT_LOCALE: 'ru',
      JOBS_INTERVAL_SECONDS: '0',
      VIBER_AUTH_TOKEN: fake.authToken,
      VIBER_API_URL: fake.apiUrl,
      VIBER_BOT_NAME,
      ...(options.telegram && {
        TELEGRAM_BOT_TOKEN: options.telegram.token,
        TELEGRAM_API_ROOT: options.telegram.apiRoot,
        TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      }),
      ...options.env,
    };
    const logs: LogLine[] = [];
    const log = options.captureLogs
      ? createLogger('debug', { write: (line: string) => void logs.push({ ...JSON.parse(line), raw: line }) })
      : createLogger('silent');
    try {
      const app = await startApp(loadConfig(env), log, options.clock ? { clock: options.clock } : {});
      return new ViberHarness(fake, app, dir, logs, database);
    } catch (error) {
      await fake.close();
      await database?.dispose();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get prisma(): RunningApp['db']['prisma'] {
    return this.app.db.prisma;
  }

  user(id: string, options: { language?: string; name?: string } = {}): ViberUser {
    return new ViberUser(this.fake, id, options);
  }

  /** POSTs a Telegram update to the Telegram webhook, with its secret; resolves once it was handled. */
  async telegramUpdate(update: unknown): Promise<void> {
    const response = await fetch(`${this.app.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM_SECRET },
      body: JSON.stringify(update),
    });
    if (response.status !== 200) throw new Error(`The Telegram webhook answered ${response.status}`);
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.fake.close();
    await this.database?.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
