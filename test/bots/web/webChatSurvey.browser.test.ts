// An NPS question in the web chat, in Debian's Chromium: after a purchase at
// the till the visitor gets the question with eleven buttons 0–10, presses
// one (twice in a row, as a hurried thumb does: counted once), gets the follow-up,
// writes a comment and is thanked. The real application on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../app/config.ts';
import { createLogger } from '../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../app/startApp.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { seriousViolations } from '../../support/axe.ts';
import { chromiumMissing, launchChromium, onCI, skipReason } from '../../support/chromium.ts';

const ADMIN_TOKEN = 'webchat-survey-admin-token-0123456789abcd';
const PHONE = '+37369555001';
const en = createTranslator().forLocale('en');

let app: RunningApp;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;

async function admin(method: string, path: string, body: unknown, type = 'application/json'): Promise<number> {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': type },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'webchat-survey-'));
  const config = loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dataDir, 'test.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DEFAULT_LOCALE: 'ru',
    ADMIN_TOKEN,
  });
  app = await startApp(config, createLogger('silent'));
  // Asked in the purchase itself and at any hour, so the test does not depend on when it runs.
  const rules = { nps: { afterPurchaseDays: 0 }, quietHours: { from: '00:00', to: '00:00' } };
  expect(await admin('PATCH', '/api/v1/program', rules, 'application/merge-patch+json')).toBe(200);
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(chromiumMissing && !onCI)(
  `an NPS question in the web chat in Chromium${chromiumMissing ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      browser = await launchChromium();
      context = await browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 860 } });
      context.setDefaultTimeout(20_000);
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
    });

    it(
      'asks with eleven buttons, counts a double press once, follows up and thanks the comment',
      { timeout: 90_000 },
      async () => {
        const page = await context.newPage();
        await page.goto(app.url);
        await joins(page);
        const purchase = { member: { phone: PHONE }, amount: 25_000, receiptId: 'web-nps-1' };
        expect(await admin('POST', '/api/v1/purchases', purchase)).toBe(201);
        app.outbox.nudge();

        const question = botMessages(page).filter({ hasText: en('surveys.nps.question') });
        await question.waitFor();
        const scores = question.getByRole('button');
        expect(await scores.allTextContents()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
        expect(await seriousViolations(page)).toEqual([]);

        // Pressed again straight away, before any answer shows: the page sends both presses.
        const eight = question.getByRole('button', { name: '8', exact: true });
        await eight.click();
        await eight.click();
        const followUp = botMessages(page).filter({ hasText: en('surveys.followUp.passive') });
        await followUp.waitFor();
        await botMessages(page)
          .filter({ hasText: en('surveys.alreadyCounted') })
          .waitFor();
        expect(await followUp.count()).toBe(1);
        const presses = page.getByRole('log').locator('.msg--user .bubble').filter({ hasText: /^8$/ });
        expect(await presses.count()).toBe(2);

        await type(page, 'A quicker checkout');
        await botMessages(page)
          .filter({ hasText: en('surveys.thanks.passive') })
          .waitFor();
        const answers = await app.db.prisma.surveyQuestion.findMany({ where: { status: 'answered' } });
        expect(answers.map((answer) => [answer.score, answer.scoreGroup, answer.comment])).toEqual([
          [8, 'passive', 'A quicker checkout'],
        ]);
        // The reports' daily counts took it once too.
        expect(await app.db.prisma.surveyDailyScore.aggregate({ _sum: { answers: true } })).toEqual({
          _sum: { answers: 1 },
        });
      },
    );
  },
);

async function joins(page: Page): Promise<void> {
  await press(page, 'I agree');
  await type(page, 'Anna');
  await botSays(page, 'Now your phone number');
  await type(page, PHONE);
  await botSays(page, 'When is your birthday?');
  await type(page, '29.02');
  await botSays(page, 'Welcome to the programme, Anna!');
}

function botMessages(page: Page): Locator {
  return page.getByRole('log').locator('.msg--bot:not(.msg--typing)');
}

async function botSays(page: Page, text: string): Promise<void> {
  await botMessages(page).filter({ hasText: text }).last().waitFor();
}

async function press(page: Page, label: string): Promise<void> {
  await page.getByRole('log').getByRole('button', { name: label, exact: true }).last().click();
}

async function type(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox').fill(text);
  await page.getByRole('textbox').press('Enter');
}
