// The desk inbox page as support meets it: the real application with its
// Telegram channel talking to the fake Bot API (so a reply is seen arriving
// in the customer's chat), the console in Debian's Chromium, and accounts
// made through the API as the owner would make them.
import type { Page } from 'playwright-core';
import { TelegramHarness } from '../bots/telegram/support/telegramHarness.ts';
import { launchBrowserPages } from '../support/browserPages.ts';
import { invite, send, sessionFrom, webVisitor, type Session, type WebVisitor } from './consoleCalls.ts';

export const DESK_ADMIN_TOKEN = 'desk-page-admin-token-0123456789abcdef';
export const DESK_OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };

export type { Session, WebVisitor } from './consoleCalls.ts';

export interface DeskWorld {
  telegram: TelegramHarness;
  url: string;
  owner: Session;
  /** The owner invites someone with this role; they choose `password` through their set-up link. */
  invite(role: string, name: string, email: string, password: string): Promise<Session>;
  /** A visitor of the web chat, registered, who has asked for a person. */
  webVisitor(name: string, phone: string): Promise<WebVisitor>;
  open(options?: { width?: number }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDeskWorld(): Promise<DeskWorld> {
  const telegram = await TelegramHarness.start({ env: { ADMIN_TOKEN: DESK_ADMIN_TOKEN, DEFAULT_LOCALE: 'en' } });
  const url = telegram.app.url;
  const owner = sessionFrom(
    url,
    await send(
      url,
      'POST',
      '/api/v1/owner',
      { ...DESK_OWNER, locale: 'en' },
      { authorization: `Bearer ${DESK_ADMIN_TOKEN}` },
    ),
  );
  const pages = await launchBrowserPages();
  return {
    telegram,
    url,
    owner,
    invite: (role, name, email, password) => invite(url, owner, { role, name, email, password }),
    webVisitor: (name, phone) => webVisitor(url, name, phone),
    // The page's CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
    open: ({ width = 1280 } = {}) =>
      pages.open(
        `${url}/admin`,
        { locale: 'en-US', viewport: { width, height: 900 }, bypassCSP: true },
        { timeoutMs: 10_000 },
      ),
    closePages: () => pages.closePages(),
    stop: async () => {
      await pages.close();
      await telegram.stop();
    },
  };
}
