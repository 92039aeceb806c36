// The console as its people meet it: the real application on loopback, the
// real page in Debian's Chromium, and axe-core checking every page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../app/config.ts';
import { createLogger } from '../../app/logger.ts';
import { startApp, type RunningApp } from '../../app/startApp.ts';
import { launchChromium } from '../support/chromium.ts';

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
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  const config = loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN,
    DEFAULT_LOCALE: 'en',
  });
  const app = await startApp(config, createLogger('silent'));
  const browser: Browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    app,
    open: async ({ width = 1280, locale = 'en-US', path = '', enforceCsp = false } = {}) => {
      // The page's own CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
      const context = await browser.newContext({ locale, viewport: { width, height: 900 }, bypassCSP: !enforceCsp });
      contexts.push(context);
      // Generous: on two busy cores a whole suite runs beside the browser; a real failure still fails, only later.
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      await page.goto(`${app.url}/admin${path}`);
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
