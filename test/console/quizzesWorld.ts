// The quiz pages as marketers meet them: the real application on loopback
// on the real clock (the page decides "open now" by the browser's clock, so
// both must agree), accounts made through the API as the owner would make
// them, and the console in Debian's Chromium in a time zone of its own, so
// the editor's local dates are seen turning into the instants the API keeps.
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../app/startApp.ts';
import { launchBrowserPages } from '../support/browserPages.ts';
import { startLoopbackApp } from '../support/loopbackApp.ts';
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
  const loopback = await startLoopbackApp('quizzes-page-', {
    ADMIN_TOKEN: QUIZZES_ADMIN_TOKEN,
    DEFAULT_LOCALE: 'en',
    WELCOME_BONUS_POINTS: '0',
  });
  const { app } = loopback;
  const url = app.url;
  const bearer = { authorization: `Bearer ${QUIZZES_ADMIN_TOKEN}` };
  const owner = sessionFrom(url, await send(url, 'POST', '/api/v1/owner', { ...QUIZZES_OWNER, locale: 'en' }, bearer));
  const pages = await launchBrowserPages();
  return {
    app,
    url,
    admin: (method, path, body) => send(url, method, path, body, bearer),
    invite: (role, person) => invite(url, owner, { role, ...person }),
    // The page's CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
    open: ({ width = 1280 } = {}) =>
      pages.open(`${url}/admin`, {
        locale: 'en-US',
        timezoneId: BROWSER_ZONE.id,
        viewport: { width, height: 900 },
        bypassCSP: true,
        acceptDownloads: true,
      }),
    closePages: () => pages.closePages(),
    stop: async () => {
      await pages.close();
      await loopback.stop();
    },
  };
}

/** An instant as a datetime-local input in the browser's zone shows it, to the minute. */
export function browserWallClock(at: Date): string {
  return new Date(at.getTime() + BROWSER_ZONE.offsetMinutes * 60_000).toISOString().slice(0, 16);
}
