// The public page of a draw in Chromium, under the server's strict CSP:
// Verify recomputes the commitment, the digest and the winners with Web
// Crypto and says so; a result tampered with on the way is caught; the page
// speaks the reader's language and has no serious axe-core findings; it
// reads on a 390 px phone before the draw and after it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations } from '../support/axe.ts';
import { quizPlayer } from '../core/quizzes/support/quizPlayer.ts';
import { testClock } from '../core/quizzes/support/quizApp.ts';
import { drawBody, startDrawApp, type DrawApp } from '../core/contests/support/drawApp.ts';
import { joinDrawPayload } from '../../core/contests/draws/drawMenu.ts';
import { pageErrors } from '../support/pageErrors.ts';

describe.skipIf(skipBrowserTests)(`The public draw page${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  const clock = testClock();
  let world: DrawApp;
  let browser: Browser;
  let drawId: string;

  beforeAll(async () => {
    world = await startDrawApp('sqlite', clock.now);
    browser = await launchChromium();
    const start = clock.now().getTime();
    const { body } = await world.call<{ id: string }>(
      'POST',
      '/api/v1/draws',
      drawBody({
        entry: { kind: 'optIn' },
        title: { en: 'Tea draw', ru: 'Чайный розыгрыш' },
        opensAt: new Date(start - 60_000).toISOString(),
        closesAt: new Date(start + 60_000).toISOString(),
        drawAt: new Date(start + 60_000).toISOString(),
        claimDays: 7,
      }),
    );
    drawId = body.id;
    const people = [
      ['Ana Popescu', '+37369550747'],
      ['Ion Rusu', '+37369550002'],
      ['Eva Lungu', '+37369550003'],
      ['Dan Ceban', '+37369550004'],
    ];
    for (const [index, [name, phone]] of people.entries()) {
      const player = quizPlayer(world, `page-${index}`);
      await player.joins(name!, phone!);
      await player.presses(joinDrawPayload(drawId));
    }
    clock.advance(120_000);
    await world.call('POST', `/api/v1/draws/${drawId}/run`, {});
    // The coffee machine's code goes unredeemed past the claim period and passes to the fourth member.
    clock.advance(8 * 86_400_000);
    await world.runJobs();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function open(locale = 'en') {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const errors = pageErrors(page);
    return { page, errors };
  }

  it('recomputes the draw in the browser and confirms it', async () => {
    const { page, errors } = await open();
    await page.goto(`${world.app.url}/draws/${drawId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tea draw');
    expect(await page.locator('#entries li').count()).toBe(4);
    expect(await page.locator('#winners li').count()).toBe(4);
    await expect.poll(() => page.locator('#winners li').last().textContent()).toContain('did not claim it by');
    expect(await page.locator('#entries').textContent()).toContain('Ana P. ••0747');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('#verdict').textContent()).toContain('✓ Verified in your browser');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('catches a result whose winners were changed on the way', async () => {
    const { page } = await open();
    await page.route('**/result', async (route) => {
      const response = await route.fetch();
      const result = (await response.json()) as { winners: { entryId: string }[]; entries: { id: string }[] };
      const loser = result.entries.find((entry) => !result.winners.some((winner) => winner.entryId === entry.id))!;
      result.winners[0]!.entryId = loser.id;
      await route.fulfill({ response, json: result });
    });
    await page.goto(`${world.app.url}/draws/${drawId}`);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('#verdict').textContent()).toContain('✗ The winners are not those');
  });

  it('fits a 390 px phone without scrolling sideways, before the draw and after it, verified', async () => {
    const start = clock.now().getTime();
    const { body: coming } = await world.call<{ id: string }>(
      'POST',
      '/api/v1/draws',
      drawBody({
        entry: { kind: 'optIn' },
        title: { en: 'A New Year draw with a title long enough to wrap on a phone' },
        opensAt: new Date(start - 60_000).toISOString(),
        closesAt: new Date(start + 86_400_000).toISOString(),
        drawAt: new Date(start + 86_400_000).toISOString(),
        beaconSource: 'drand quicknet, the first round after entries close',
      }),
    );
    const context = await browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const fits = async () => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
    };

    await page.goto(`${world.app.url}/draws/${coming.id}`);
    await expect.poll(() => page.locator('body').textContent()).toContain('Not drawn yet.');
    await fits();

    await page.goto(`${world.app.url}/draws/${drawId}`);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('#verdict').textContent()).toContain('✓ Verified in your browser');
    await fits();
    await context.close();
  });

  it('speaks the reader’s language', async () => {
    const { page } = await open('ru-RU');
    await page.goto(`${world.app.url}/draws/${drawId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Чайный розыгрыш');
    await page.getByRole('button', { name: 'Проверить' }).click();
    await expect.poll(() => page.locator('#verdict').textContent()).toContain('✓ Проверено в вашем браузере');
  });
});
