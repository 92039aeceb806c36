// The chat page in Debian's Chromium picks up what the outbox sends a visitor
// on its own, shows it like any answer of the assistant, and shows it once,
// also across a reload.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from './support/webApp.ts';
import { chromiumMissing, launchChromium, onCI, skipReason } from '../support/chromium.ts';

let web: WebApp;
let browser: Browser;

describe.skipIf(chromiumMissing && !onCI)(
  `outbox messages on the chat page${chromiumMissing ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      web = await startWebApp();
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await web?.stop();
    });

    const botTexts = (page: Page) => page.locator('#log .msg--bot:not(.msg--typing) .bubble__text').allTextContents();

    it(
      'shows a message sent by the shop once, without the visitor writing anything, and once again after a reload',
      { timeout: 60_000 },
      async () => {
        const context = await browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        await page.goto(web.app.url);
        await expect.poll(() => botTexts(page), { timeout: 10_000 }).not.toEqual([]);
        const visitor = (await context.cookies()).find((cookie) => cookie.name === 'loyalty_visitor')!.value;

        await web.send(visitor, 'You earned 50 points for your purchase.');
        await expect
          .poll(async () => (await botTexts(page)).filter((text) => text.includes('50 points')), { timeout: 15_000 })
          .toHaveLength(1);
        // Polls keep coming (and their answers overlap); the message stays shown once.
        await page.waitForTimeout(4_000);
        expect((await botTexts(page)).filter((text) => text.includes('50 points'))).toHaveLength(1);

        await page.reload();
        await page.waitForTimeout(4_000);
        expect((await botTexts(page)).filter((text) => text.includes('50 points'))).toHaveLength(1);
        await context.close();
      },
    );
  },
);
