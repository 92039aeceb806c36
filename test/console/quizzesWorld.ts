// The quiz pages as marketers meet them: the real application on loopback
// on the real clock (the page decides "open now" by the browser's clock, so
// both must agree), accounts made through the API as the owner would make
// them, and the console in Debian's Chromium in a time zone of its own, so
// the editor's local dates are seen turning into the instants the API keeps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../app/config.ts';
import { createLogger } from '../../app/logger.ts';
import { startApp, type RunningApp } from '../../app/startApp.ts';
import { launchChromium } from '../support/chromium.ts';
import { invite, send, sessionFrom, type Json, type Session } from './consoleCalls.ts';

export const QUIZZES_ADMIN_TOKEN = 'quizzes-page-admin-token-0123456789abcdef';
export const QUIZZES_OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };
/** India keeps +05:30 all year: a wall-clock time there is one known instant, whatever the date. */
export const BROWSER_ZONE = { id: 'Asia/Kolkata', offsetMinutes: 330 };

export interface QuizzesWorld {
  app: RunningApp;
  url: string;
  /** The API with the admin token, as a script would call it. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  invite(role: string, person: { name: string; email: string; password: string }): Promise<Session>;
  open(options?: { width?: number }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

export async function startQuizzesWorld(): Promise<QuizzesWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'quizzes-page-'));
  const config = loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN: QUIZZES_ADMIN_TOKEN,
    DEFAULT_LOCALE: 'en',
    WELCOME_BONUS_POINTS: '0',
  });
  const app = await startApp(config, createLogger('silent'));
  const url = app.url;
  const bearer = { authorization: `Bearer ${QUIZZES_ADMIN_TOKEN}` };
  const owner = sessionFrom(url, await send(url, 'POST', '/api/v1/owner', { ...QUIZZES_OWNER, locale: 'en' }, bearer));
  const browser: Browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    app,
    url,
    admin: (method, path, body) => send(url, method, path, body, bearer),
    invite: (role, person) => invite(url, owner, { role, ...person }),
    open: async ({ width = 1280 } = {}) => {
      // The page's CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
      const context = await browser.newContext({
        locale: 'en-US',
        timezoneId: BROWSER_ZONE.id,
        viewport: { width, height: 900 },
        bypassCSP: true,
        acceptDownloads: true,
      });
      contexts.push(context);
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      await page.goto(`${url}/admin`);
      return page;
    },
    closePages: async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    stop: async () => {
      await browser.close();
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An instant as a datetime-local input in the browser's zone shows it, to the minute. */
export function browserWallClock(at: Date): string {
  return new Date(at.getTime() + BROWSER_ZONE.offsetMinutes * 60_000).toISOString().slice(0, 16);
}
