// A whole quiz in the web chat as a visitor plays it: the real application on
// loopback, the real page in Debian's Chromium. The pictures' site is the one
// part stood in for: Chromium's requests to it are answered by the test, after
// the page's Content-Security-Policy has let them through.
import { PNG } from 'pngjs';
import { type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../app/startApp.ts';
import { seriousViolations } from '../../support/axe.ts';
import { pagesForSuite, type BrowserPages } from '../../support/browserPages.ts';
import { chromiumMissing, onCI, skipReason } from '../../support/chromium.ts';
import { startLoopbackApp, type LoopbackApp } from '../../support/loopbackApp.ts';
import { createOpenQuiz, questionsWithPictures } from '../../core/quizzes/support/openQuiz.ts';
import { botMessages, botSays, choose, eventually, log, press, type } from './support/webChatPage.ts';

const ADMIN_TOKEN = 'webchat-quiz-browser-admin-token-0123456789';
const PICTURES = 'https://pictures.example';
const BEANS = `${PICTURES}/quiz/beans.png`;
/** The pictures' site answers 404 for this one: a marketer's link that broke. */
const GONE = `${PICTURES}/quiz/americano.png`;
const SCREENSHOT = '/tmp/webchat-quiz.png';
const SCREENSHOT_BROKEN = '/tmp/webchat-quiz-broken-picture.png';

if (chromiumMissing && !onCI) console.warn(`Web chat quiz browser tests skipped: ${skipReason}.`);

let loopback: LoopbackApp;
let app: RunningApp;
let pages: BrowserPages;
let phones = 0;
const pictureRequests: Request[] = [];

beforeAll(async () => {
  loopback = await startLoopbackApp('webchat-quiz-', { DEFAULT_LOCALE: 'ru', WELCOME_BONUS_POINTS: '0', ADMIN_TOKEN });
  app = loopback.app;
  // The real clock: open from an hour ago, the longest time per question.
  await createOpenQuiz(app.url, ADMIN_TOKEN, { questions: questionsWithPictures(BEANS, GONE) });
});

afterAll(async () => {
  await loopback?.stop();
});

describe.skipIf(chromiumMissing && !onCI)(
  `a quiz in the web chat in Chromium${chromiumMissing ? ` (${skipReason})` : ''}`,
  () => {
    pages = pagesForSuite();

    afterEach(() => {
      pictureRequests.length = 0;
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

function openChat(width = 420): Promise<Page> {
  return pages.open(
    app.url,
    { locale: 'en-US', viewport: { width, height: 860 } },
    {
      prepare: (context) =>
        context.route(`${PICTURES}/**`, (route) => {
          pictureRequests.push(route.request());
          if (route.request().url() === BEANS)
            return route.fulfill({ status: 200, contentType: 'image/png', body: coffeeBeansPng() });
          return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
        }),
    },
  );
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
