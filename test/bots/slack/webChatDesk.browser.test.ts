// The staff desk with a customer in the web chat, in Debian's Chromium: the
// visitor asks for a person on the shop's page, staff answer in the Slack
// thread, and the answer appears on the page without the visitor doing anything.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { DeskHarness, MARIA } from './support/deskHarness.ts';
import { chromiumMissing, launchChromium, onCI, skipReason } from '../../support/chromium.ts';

const en = createTranslator().forLocale('en');

let desk: DeskHarness;
let browser: Browser;

describe.skipIf(chromiumMissing && !onCI)(
  `the staff desk with a web chat visitor${chromiumMissing ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      desk = await DeskHarness.start();
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await desk?.stop();
    });

    it(
      'shows the staff answer on the page, and the rating buttons once the ticket is resolved',
      { timeout: 90_000 },
      async () => {
        const context = await browser.newContext({ locale: 'en-US' });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        await page.goto(desk.telegram.app.url);
        await press(page, 'I agree');
        await type(page, 'Anna');
        await botSays(page, 'Now your phone number');
        await type(page, '+373 69 555 111');
        await botSays(page, 'When is your birthday?');
        await type(page, '29.02');
        await botSays(page, 'Welcome to the programme, Anna!');

        // The main menu sits behind the page's Menu control, not under the replies.
        await page.locator('#menu-button').click();
        await page
          .locator('#menu')
          .getByRole('button', { name: en('menu.human'), exact: true })
          .click();
        await botSays(page, en('desk.opened.button', { count: 5 }));
        await type(page, 'My card shows the wrong balance');

        const [message] = await desk.ticketMessages();
        await desk.thread(message!.ts, 1);
        expect(desk.slack.thread('C0STAFF001', message!.ts)[0]?.text).toBe(
          `${en('desk.thread.customer', { name: 'Anna' })}\n>My card shows the wrong balance`,
        );
        expect((await desk.replyInThread(MARIA.id, message!.ts, 'Sorry, Anna! I have corrected it.')).status).toBe(200);
        await botSays(page, en('desk.staffReply', { name: 'Maria', text: 'Sorry, Anna! I have corrected it.' }));

        const ticket = await desk.prisma.ticket.findFirstOrThrow();
        await desk.press(MARIA.id, message!.ts, deskPayload.resolve(ticket.id));
        await botSays(page, en('desk.resolved'));
        await press(page, '5 ⭐');
        await botSays(page, en('desk.ratedAskComment'));
        await expect
          .poll(async () => (await desk.prisma.ticket.findFirstOrThrow()).rating, { timeout: 10_000 })
          .toBe(5);
        await context.close();
      },
    );
  },
);

function log(page: Page) {
  return page.getByRole('log');
}

async function botSays(page: Page, text: string): Promise<void> {
  await log(page).locator('.msg--bot:not(.msg--typing)').filter({ hasText: text }).last().waitFor();
}

async function press(page: Page, label: string): Promise<void> {
  await log(page).getByRole('button', { name: label, exact: true }).last().click();
}

async function type(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox').fill(text);
  await page.getByRole('textbox').press('Enter');
}
