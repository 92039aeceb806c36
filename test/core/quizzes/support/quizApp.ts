// Quizzes under test: the whole application on loopback with a test clock,
// restartable on the same database, and a quiz written through the REST API.
import { loadConfig } from '../../../../app/config.ts';
import { createLogger } from '../../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../../app/startApp.ts';
import { startScheduler } from '../../../../app/startScheduler.ts';
import { programSettingsFrom } from '../../../../app/programSettings.ts';
import { createTranslator } from '../../../../core/i18n/translator.ts';
import type { JobOutcome } from '../../../../core/jobs/runScheduledJobs.ts';
import { isLinkButton, type Outbound, type PayloadButton } from '../../../../core/outbound.ts';
import type { Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createTestDatabase } from '../../../support/testDatabase.ts';
import { ADMIN_TOKEN } from '../../../api/support/apiTestApp.ts';

export const START = new Date('2026-12-02T10:00:00Z');

/** A clock that moves only when told to. */
export function testClock(at = START) {
  let now = at;
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface QuizApp {
  app: RunningApp;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  /** One run of every scheduled job at the clock's time, as the scheduler's tick does. */
  runJobs(): Promise<JobOutcome[]>;
  /** A new application process on the same database (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startQuizApp(
  provider: Provider,
  clock: () => Date,
  env: Record<string, string> = {},
): Promise<QuizApp> {
  const database = await createTestDatabase(provider, { migrate: false });
  await database.close();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.QUIZ_LOG ?? 'silent',
    ADMIN_TOKEN,
    JOBS_INTERVAL_SECONDS: '0',
    WELCOME_BONUS_POINTS: '0',
    ...env,
  });
  const handle: QuizApp = {
    app: await startApp(config, createLogger((process.env.QUIZ_LOG ?? 'silent') as 'silent'), { clock }),
    call: async (method, path, body) => {
      const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${handle.app.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const json = response.headers.get('content-type')?.includes('json');
      return {
        status: response.status,
        body: (json && text ? JSON.parse(text) : text) as never,
        headers: response.headers,
      };
    },
    runJobs: () =>
      startScheduler(
        handle.app.db,
        {
          translator: createTranslator(),
          settings: programSettingsFrom(config),
          clock,
          log: createLogger('silent'),
          loadRules: handle.app.points.rules,
        },
        { intervalMs: 0 },
      ).runNow(),
    restart: async () => {
      await handle.app.stop();
      handle.app = await startApp(config, createLogger((process.env.QUIZ_LOG ?? 'silent') as 'silent'), { clock });
    },
    stop: async () => {
      await handle.app.stop();
      await database.dispose();
    },
  };
  return handle;
}

/** Three questions, the right option first as the marketer wrote them (members see them shuffled). */
export function quizBody(overrides: Record<string, unknown> = {}) {
  return {
    title: { ru: 'Кофейная викторина', ro: 'Chestionarul cafelei', en: 'Coffee quiz' },
    intro: { en: 'Three questions about coffee.' },
    questions: [
      {
        text: { en: 'Where was coffee first found?', ru: 'Где впервые нашли кофе?' },
        options: [{ en: 'Ethiopia' }, { en: 'Brazil' }, { en: 'Vietnam' }, { en: 'Italy' }],
        correct: [0],
        explanation: { en: 'Legend has it a goat herder in Ethiopia noticed it.' },
      },
      {
        text: { en: 'What is an espresso with hot water?' },
        options: [{ en: 'Americano' }, { en: 'Latte' }, { en: 'Ristretto' }],
        correct: [0],
      },
      {
        text: { en: 'Which has the most caffeine per cup?' },
        options: [{ en: 'Drip coffee' }, { en: 'Espresso shot' }],
        correct: [0],
      },
    ],
    pointsPerCorrect: 10,
    perfectBonus: 5,
    secondsPerQuestion: 30,
    opensAt: '2026-12-01T00:00:00Z',
    closesAt: '2026-12-08T00:00:00Z',
    published: true,
    ...overrides,
  };
}

/** The buttons a quiz screen shows; quizzes have no links, so each carries a payload. */
export const buttonsOf = (reply: Outbound | undefined): PayloadButton[] =>
  reply?.buttons?.flat().filter((button) => !isLinkButton(button)) ?? [];

/** The position of the option the marketer wrote as `optionText` among the buttons of a question. */
export function positionOf(reply: Outbound | undefined, optionText: string): number {
  const position = buttonsOf(reply).findIndex((button) => button.label === optionText);
  if (position < 0) throw new Error(`No button "${optionText}" in ${JSON.stringify(reply)}`);
  return position;
}
