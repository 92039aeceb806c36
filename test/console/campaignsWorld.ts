// The campaign pages as marketers meet them: the real application on
// loopback with a clock that starts at 10:30 in Chisinau (outside the quiet
// hours) and runs on with real time, members who join and say yes or no to
// news and offers in the web chat (the campaign's messages land in its
// inbox), accounts made through the API as the owner would make them, and
// the console in Chromium in a time zone of its own, so the programme's
// wall clock is seen to be the one a campaign is scheduled on.
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../app/startApp.ts';
import { offersPayload } from '../../core/marketing/offersPayloads.ts';
import { quizPlayer } from '../core/quizzes/support/quizPlayer.ts';
import { launchBrowserPages } from '../support/browserPages.ts';
import { startLoopbackApp } from '../support/loopbackApp.ts';
import { invite, send, sessionFrom, type Json, type Session } from './consoleCalls.ts';

export const CAMPAIGNS_ADMIN_TOKEN = 'campaigns-page-admin-token-0123456789abcdef';
export const CAMPAIGNS_OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };
/** 08:30 UTC is 10:30 in Chisinau in March (UTC+2): the day's sending window is open for hours. */
export const CLOCK_START = Date.parse('2025-03-12T08:30:00Z');
/** India keeps +05:30 all year: the browser's wall clock is neither UTC nor the programme's. */
export const BROWSER_ZONE = 'Asia/Kolkata';

export interface CampaignsWorld {
  app: RunningApp;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  invite(role: string, person: { name: string; email: string; password: string }): Promise<Session>;
  /** A member who joins in the web chat and answers the question about news and offers. */
  joins(name: string, phone: string, locale: 'en' | 'ru' | 'ro', offers: boolean): Promise<void>;
  open(options?: { width?: number }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

/** `env` adds to the application's configuration (a PUBLIC_URL, where pictures are kept in the app's folder). */
export async function startCampaignsWorld(
  env: (dir: string) => Record<string, string> = () => ({}),
): Promise<CampaignsWorld> {
  const startedAt = Date.now();
  const clock = () => new Date(CLOCK_START + (Date.now() - startedAt));
  const loopback = await startLoopbackApp(
    'campaigns-page-',
    (dir) => ({ ADMIN_TOKEN: CAMPAIGNS_ADMIN_TOKEN, DEFAULT_LOCALE: 'en', WELCOME_BONUS_POINTS: '0', ...env(dir) }),
    { clock },
  );
  const { app } = loopback;
  const bearer = { authorization: `Bearer ${CAMPAIGNS_ADMIN_TOKEN}` };
  const owner = sessionFrom(
    app.url,
    await send(app.url, 'POST', '/api/v1/owner', { ...CAMPAIGNS_OWNER, locale: 'en' }, bearer),
  );
  const pages = await launchBrowserPages();
  return {
    app,
    admin: (method, path, body) => send(app.url, method, path, body, bearer),
    invite: (role, person) => invite(app.url, owner, { role, ...person }),
    joins: async (name, phone, locale, offers) => {
      const member = quizPlayer({ app }, `campaigns-page-${phone}`);
      await member.joins(name, phone, locale);
      await member.presses(offersPayload(offers ? 'yes' : 'no'));
    },
    // The page's CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
    open: ({ width = 1280 } = {}) =>
      pages.open(`${app.url}/admin`, {
        locale: 'en-US',
        timezoneId: BROWSER_ZONE,
        viewport: { width, height: 900 },
        bypassCSP: true,
      }),
    closePages: () => pages.closePages(),
    stop: async () => {
      await pages.close();
      await loopback.stop();
    },
  };
}
