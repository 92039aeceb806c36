// A whole quiz in the web chat as a visitor plays it: the real application on
// loopback, the real page in Debian's Chromium. The pictures' site is the one
// part stood in for: Chromium's requests to it are answered by the test, after
// the page's Content-Security-Policy has let them through.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../app/config.ts';
import { createLogger } from '../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../app/startApp.ts';
import { seriousViolations } from '../../support/axe.ts';
import { chromiumMissing, launchChromium, onCI, skipReason } from '../../support/chromium.ts';
import { quizBody } from '../../core/quizzes/support/quizApp.ts';

const ADMIN_TOKEN = 'webchat-quiz-browser-admin-token-0123456789';
const PICTURES = 'https://pictures.example';
const BEANS = `${PICTURES}/quiz/beans.png`;
/** The pictures' site answers 404 for this one: a marketer's link that broke. */
const GONE = `${PICTURES}/quiz/americano.png`;
const SCREENSHOT = '/tmp/webchat-quiz.png';
const SCREENSHOT_BROKEN = '/tmp/webchat-quiz-broken-picture.png';

if (chromiumMissing && !onCI) console.warn(`Web chat quiz browser tests skipped: ${skipReason}.`);

let app: RunningApp;
let dataDir: string;
let browser: Browser;
let phones = 0;
const contexts: BrowserContext[] = [];
const pictureRequests: Request[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'webchat-quiz-'));
  app = await startApp(
    loadConfig({
      JOBS_INTERVAL_SECONDS: '0',
      DATABASE_URL: `file:${join(dataDir, 'test.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEFAULT_LOCALE: 'ru',
      WELCOME_BONUS_POINTS: '0',
      ADMIN_TOKEN,
    }),
    createLogger('silent'),
  );
  // The real clock: open from an hour ago, the longest time per question.
  const now = Date.now();
  const base = quizBody();
  const created = await fetch(`${app.url}/api/v1/quizzes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(
      quizBody({
        questions: [
          { ...base.questions[0], imageUrl: BEANS },
          { ...base.questions[1], imageUrl: GONE },
          base.questions[2],
        ],
        secondsPerQuestion: 120,
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
      }),
    ),
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(chromiumMissing && !onCI)(
  `a quiz in the web chat in Chromium${chromiumMissing ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      browser = await launchChromium();
    });

    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      pictureRequests.length = 0;
    });

    afterAll(async () => {
      await browser?.close();
    });

    it(
      'is opened from the menu and played through: a picture with the question, ✅/❌ with the explanation, then score, points and rank',
      { timeout: 90_000 },
      async () => {
        const page = await openChat();
        await registerVisitor(page);
        await choose(page, '🎯 Coffee quiz');
        await botSays(page, 'Three questions about coffee.');

        const first = botMessages(page).filter({ hasText: 'Question 1 of 3' });
        await first.waitFor();
        expect(await first.innerText()).toContain('Where was coffee first found?');
        const beans = first.getByRole('img', { name: 'Picture for question 1' });
        expect(await beans.getAttribute('src')).toBe(BEANS);
        await eventually(() => beans.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
        expect((await first.getByRole('button').allTextContents()).sort()).toEqual([
          'Brazil',
          'Ethiopia',
          'Italy',
          'Vietnam',
        ]);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });

        await press(page, 'Ethiopia');
        await botSays(page, '✅ Correct!');
        expect(await botMessages(page).filter({ hasText: '✅ Correct!' }).innerText()).toContain(
          'Legend has it a goat herder in Ethiopia noticed it.',
        );

        // The second picture's link is broken: its description stands in for it, and the question still works.
        const second = botMessages(page).filter({ hasText: 'Question 2 of 3' });
        await second.locator('.bubble__image-missing', { hasText: 'Picture for question 2' }).waitFor();
        expect(await second.getByRole('img').count()).toBe(0);
        await page.screenshot({ path: SCREENSHOT_BROKEN, animations: 'disabled' });
        await press(page, 'Latte');
        await botSays(page, '❌ Not this time. The right answer: Americano.');

        await botSays(page, 'Question 3 of 3');
        await press(page, 'Drip coffee');
        await botSays(page, '🏁 Done!');
        expect(await botMessages(page).last().locator('.bubble').innerText()).toBe(
          '🏁 Done! You answered 2 of 3 correctly and earned 20 points.\nYour place: 1 of 1 so far.',
        );
        expect(await seriousViolations(page)).toEqual([]);
        // The pictures' site learns nothing of the page the visitor was on.
        expect(pictureRequests.map((request) => request.url()).sort()).toEqual([GONE, BEANS]);
        expect(pictureRequests.map((request) => request.headers()['referer'])).toEqual([undefined, undefined]);
        // Finished: the Menu control no longer offers it.
        await page.locator('#menu-button').click();
        await page.locator('#menu').getByRole('button', { name: '💰 Balance', exact: true }).waitFor();
        expect(await page.locator('#menu').getByRole('button', { name: '🎯 Coffee quiz' }).count()).toBe(0);
      },
    );

    it(
      'fits a question’s picture into a 390 px screen, with no serious or critical axe-core finding',
      { timeout: 60_000 },
      async () => {
        const page = await openChat(390);
        await registerVisitor(page);
        await choose(page, '🎯 Coffee quiz');
        const named = page.getByRole('img', { name: 'Picture for question 1' });
        const beans = log(page).locator(named);
        await eventually(() => beans.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
        const [picture, bubble] = await Promise.all([
          beans.boundingBox(),
          log(page).locator('.bubble').filter({ has: named }).boundingBox(),
        ]);
        expect(picture!.x).toBeGreaterThanOrEqual(bubble!.x);
        expect(picture!.x + picture!.width).toBeLessThanOrEqual(bubble!.x + bubble!.width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(await seriousViolations(page)).toEqual([]);
      },
    );
  },
);

async function openChat(width = 420): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width, height: 860 } });
  contexts.push(context);
  // Generous: on two busy cores a whole suite runs beside the browser; a real failure still fails, only later.
  context.setDefaultTimeout(20_000);
  await context.route(`${PICTURES}/**`, (route) => {
    pictureRequests.push(route.request());
    if (route.request().url() === BEANS)
      return route.fulfill({ status: 200, contentType: 'image/png', body: coffeeBeansPng() });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
  });
  const page = await context.newPage();
  await page.goto(app.url);
  return page;
}

async function registerVisitor(page: Page): Promise<void> {
  phones += 1;
  await press(page, 'I agree');
  await botSays(page, 'What is your name?');
  await type(page, 'Anna');
  await botSays(page, 'Now your phone number');
  await type(page, `+3736920000${phones}`);
  await botSays(page, 'When is your birthday?');
  await type(page, '29.02');
  await botSays(page, 'Welcome to the programme, Anna!');
}

/** A 48 × 32 brown picture: a real PNG, so the page can tell a loaded picture from a broken one. */
function coffeeBeansPng(): Buffer {
  const png = new PNG({ width: 48, height: 32 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([111, 78, 55, 255], i);
  return PNG.sync.write(png);
}

function log(page: Page): Locator {
  return page.getByRole('log');
}

function botMessages(page: Page): Locator {
  return log(page).locator('.msg--bot:not(.msg--typing)');
}

async function botSays(page: Page, text: string): Promise<void> {
  await botMessages(page).filter({ hasText: text }).last().waitFor();
}

/** Polls until the page catches up; the chat answers asynchronously. */
function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** Presses the newest button with this label; older ones stay on screen too. */
async function press(page: Page, label: string): Promise<void> {
  await log(page).getByRole('button', { name: label, exact: true }).last().click();
}

/** Opens the Menu control beside the message box and chooses an item. */
async function choose(page: Page, label: string): Promise<void> {
  await page.locator('#menu-button').click();
  await page.locator('#menu').getByRole('button', { name: label, exact: true }).click();
}

async function type(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox').fill(text);
  await page.getByRole('textbox').press('Enter');
}
