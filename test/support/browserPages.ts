// Pages in Debian's Chromium, each in a context of its own (its own cookies
// and storage, as a separate person's browser), closed together between tests.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';

export interface BrowserPages {
  /** A new context with `options`, prepared by `prepare` (routes…), and its page opened at `url`. */
  open(url: string, options: BrowserContextOptions, settings?: PageSettings): Promise<Page>;
  /** Closes every context opened since the last call. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export interface PageSettings {
  /** How long an action may wait. Generous by default: on two busy cores a whole suite runs beside the browser. */
  timeoutMs?: number;
  prepare?(context: BrowserContext): Promise<unknown>;
}

export async function launchBrowserPages(): Promise<BrowserPages> {
  const browser: Browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    open: async (url, options, { timeoutMs = 20_000, prepare } = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      context.setDefaultTimeout(timeoutMs);
      await prepare?.(context);
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    closePages: async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    close: () => browser.close(),
  };
}

/**
 * Browser pages for the `describe` block it is called in: Chromium is launched
 * before its tests, each test's pages are closed after it, and the browser
 * after the last.
 */
export function pagesForSuite(): BrowserPages {
  let launched: BrowserPages | undefined;
  beforeAll(async () => {
    launched = await launchBrowserPages();
  });
  afterEach(async () => {
    await launched?.closePages();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    open: (...args) => launched!.open(...args),
    closePages: async () => launched?.closePages(),
    close: async () => launched?.close(),
  };
}
