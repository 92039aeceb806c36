// The console as its people meet it: the real application on loopback, the
// real page in Debian's Chromium, and axe-core checking every page.
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../app/startApp.ts';
import { launchBrowserPages } from '../support/browserPages.ts';
import { startLoopbackApp } from '../support/loopbackApp.ts';

export { seriousViolations } from '../support/axe.ts';

export const ADMIN_TOKEN = 'console-test-admin-token-0123456789abcdef';
export const OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };

export interface ConsoleWorld {
  app: RunningApp;
  open(options?: { width?: number; locale?: string; path?: string; enforceCsp?: boolean }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const loopback = await startLoopbackApp('console-', { ADMIN_TOKEN, DEFAULT_LOCALE: 'en' });
  const { app } = loopback;
  const pages = await launchBrowserPages();
  return {
    app,
    // The page's own CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
    open: ({ width = 1280, locale = 'en-US', path = '', enforceCsp = false } = {}) =>
      pages.open(`${app.url}/admin${path}`, { locale, viewport: { width, height: 900 }, bypassCSP: !enforceCsp }),
    closePages: () => pages.closePages(),
    stop: async () => {
      await pages.close();
      await loopback.stop();
    },
  };
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

export async function createOwnerInPage(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Set up the console' }).waitFor();
  await fill(page, 'Admin token', ADMIN_TOKEN);
  await fill(page, 'Your name', OWNER.name);
  await fill(page, 'Email', OWNER.email);
  await fill(page, 'Password (at least 12 characters)', OWNER.password);
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
}

export async function signInInPage(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await fill(page, 'Email', email);
  await fill(page, 'Password', password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
