// The members pages as the shop's people meet them: the real application on
// loopback with a test clock, members enrolled at the till, one who joined in
// the web chat and asked for a person, the console in Debian's Chromium, and
// accounts made through the API as the owner would make them.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../app/startApp.ts';
import { launchBrowserPages } from '../support/browserPages.ts';
import { startLoopbackApp } from '../support/loopbackApp.ts';
import { invite, send, sessionFrom, webVisitor, type Json, type Session, type WebVisitor } from './consoleCalls.ts';

export const MEMBERS_ADMIN_TOKEN = 'members-page-admin-token-0123456789abcdef';
export const MEMBERS_OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };
/** The test clock starts here and runs on with real time, so sessions and polls behave as in a shop. */
export const CLOCK_START = Date.parse('2025-03-12T08:30:00Z');

export interface MembersWorld {
  app: RunningApp;
  url: string;
  owner: Session;
  /** The API with the admin token, as a till or a script would call it. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  invite(role: string, person: { name: string; email: string; password: string }): Promise<Session>;
  webVisitor(name: string, phone: string): Promise<WebVisitor>;
  open(options?: { width?: number; locale?: string }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMembersWorld(): Promise<MembersWorld> {
  const startedAt = Date.now();
  const clock = () => new Date(CLOCK_START + (Date.now() - startedAt));
  const loopback = await startLoopbackApp(
    'members-page-',
    (dir) => ({
      WEBCHAT_PHOTO_DIR: join(dir, 'photos'),
      ADMIN_TOKEN: MEMBERS_ADMIN_TOKEN,
      DEFAULT_LOCALE: 'en',
      WELCOME_BONUS_POINTS: '100',
    }),
    { clock },
  );
  const { app } = loopback;
  const url = app.url;
  const bearer = { authorization: `Bearer ${MEMBERS_ADMIN_TOKEN}` };
  const owner = sessionFrom(url, await send(url, 'POST', '/api/v1/owner', { ...MEMBERS_OWNER, locale: 'en' }, bearer));
  const pages = await launchBrowserPages();
  return {
    app,
    url,
    owner,
    admin: (method, path, body) => send(url, method, path, body, bearer),
    invite: (role, person) => invite(url, owner, { role, ...person }),
    webVisitor: (name, phone) => webVisitor(url, name, phone),
    // The page's CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
    open: ({ width = 1280, locale = 'en-US' } = {}) =>
      pages.open(`${url}/admin`, { locale, viewport: { width, height: 900 }, bypassCSP: true, acceptDownloads: true }),
    closePages: () => pages.closePages(),
    stop: async () => {
      await pages.close();
      await loopback.stop();
    },
  };
}
