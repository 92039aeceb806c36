// The draw pages as marketers and the owner meet them: the real application
// on loopback with a test clock that runs on with real time and can be moved
// ahead (past a draw's window), members who join in the web chat and buy at
// the till through the API, accounts made as the owner would make them, and
// the console in Chromium in a time zone of its own.
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../app/startApp.ts';
import { quizPlayer } from '../core/quizzes/support/quizPlayer.ts';
import { launchBrowserPages } from '../support/browserPages.ts';
import { startLoopbackApp } from '../support/loopbackApp.ts';
import { invite, send, sessionFrom, type Json, type Session } from './consoleCalls.ts';
import { BROWSER_ZONE } from './quizzesWorld.ts';

export const DRAWS_ADMIN_TOKEN = 'draws-page-admin-token-0123456789abcdef';
export const DRAWS_OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };

export interface DrawsWorld {
  app: RunningApp;
  /** The application's time now. */
  now(): Date;
  /** Moves the application's clock ahead; pages opened after it are moved as far. */
  advance(ms: number): void;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  invite(role: string, person: { name: string; email: string; password: string }): Promise<Session>;
  /** A member who joins in the web chat, then buys `amount` (minor units) at the till. */
  joinsAndBuys(name: string, phone: string, amount: number): Promise<void>;
  /** A signed-out console page; `width` for a phone (390). */
  open(options?: { width?: number }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDrawsWorld(): Promise<DrawsWorld> {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const loopback = await startLoopbackApp(
    'draws-page-',
    { ADMIN_TOKEN: DRAWS_ADMIN_TOKEN, DEFAULT_LOCALE: 'en', WELCOME_BONUS_POINTS: '0' },
    { clock: now },
  );
  const { app } = loopback;
  const bearer = { authorization: `Bearer ${DRAWS_ADMIN_TOKEN}` };
  const admin = (method: string, path: string, body?: unknown) => send(app.url, method, path, body, bearer);
  const owner = sessionFrom(
    app.url,
    await send(app.url, 'POST', '/api/v1/owner', { ...DRAWS_OWNER, locale: 'en' }, bearer),
  );
  const pages = await launchBrowserPages();
  let receipts = 0;
  return {
    app,
    now,
    advance: (ms) => (offset += ms),
    admin,
    invite: (role, person) => invite(app.url, owner, { role, ...person }),
    joinsAndBuys: async (name, phone, amount) => {
      await quizPlayer({ app }, `draws-page-${phone}`).joins(name, phone, 'en');
      receipts += 1;
      const bought = await admin('POST', '/api/v1/purchases', {
        member: { phone },
        amount,
        receiptId: `r-${receipts}`,
      });
      if (bought.status !== 201 && bought.status !== 200) throw new Error(`purchase: ${bought.status}`);
    },
    // The page's CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
    // The page judges "the window has closed" by its own clock: it is set to the application's time.
    open: ({ width = 1280 } = {}) =>
      pages.open(
        `${app.url}/admin`,
        { locale: 'en-US', timezoneId: BROWSER_ZONE.id, viewport: { width, height: 900 }, bypassCSP: true },
        { prepare: (context) => (offset === 0 ? Promise.resolve() : context.clock.setSystemTime(now())) },
      ),
    closePages: () => pages.closePages(),
    stop: async () => {
      await pages.close();
      await loopback.stop();
    },
  };
}
