// The draw pages in Chromium: a marketer creates a purchase draw in the form
// (a closing before the opening is refused at its field, in the reader's
// words), sees it in the list with its commitment; members buy in its
// window; after the window (the test clock moved on) the owner runs it and
// reads the winners, masked as the public page shows them. A viewer reads
// the list but is offered no "New draw". axe-core checks every page, and
// the list, a drawn draw and the form read on a 390 px phone.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';
import { DRAWS_OWNER, startDrawsWorld, type DrawsWorld } from './drawsWorld.ts';
import { browserWallClock } from './quizzesWorld.ts';

const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

let world: DrawsWorld;

const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });
const minuteOf = (at: number) => new Date(Math.floor(at / MINUTE_MS) * MINUTE_MS);

async function signedIn(
  person: { name: string; email: string; password: string },
  options: { width?: number } = {},
): Promise<Page> {
  const page = await world.open(options);
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Prize draws' }).click();
  await page.getByRole('heading', { name: 'Prize draws', level: 1 }).waitFor();
  return page;
}

/** The table's rows as text, once the section that holds it has drawn it (a link's click only starts the drawing). */
async function rowTexts(table: Locator): Promise<string[]> {
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children)
        .map((cell) => (cell.textContent ?? '').trim())
        .join(' | '),
    ),
  );
}

/** What reaches past `width` outside a box that scrolls by itself (a table's): what makes the page scroll sideways. */
function wider(page: Page, width: number): Promise<string[]> {
  return page.evaluate(
    (limit) =>
      Array.from(document.querySelectorAll('body *'))
        .filter((node) => node.getBoundingClientRect().right > limit + 0.5 && !node.closest('.table-wrap'))
        .map((node) => `${node.tagName.toLowerCase()}.${node.className}: ${(node.textContent ?? '').slice(0, 40)}`),
    width,
  );
}

describe.skipIf(skipBrowserTests)(`the draw pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startDrawsWorld();
    await world.invite('marketer', MARKETER);
    await world.invite('viewer', VIEWER);
  }, 60_000);

  afterEach(async () => {
    await world.closePages();
  });

  afterAll(async () => {
    await world?.stop();
  });

  // The tests share one application, in this order: the draw created in the first is run in the last.
  it('creates a purchase draw in the form, refusing a closing before the opening at its field', async () => {
    const page = await signedIn(MARKETER);
    await page.getByText('No draws yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'New draw' }).click();
    await page.getByRole('heading', { name: 'New draw', level: 1 }).waitFor();

    const title = group(page, 'Title');
    await title.getByLabel('English', { exact: true }).fill('Winter draw');
    await title.getByLabel('Russian', { exact: true }).fill('Зимний розыгрыш');
    const first = group(page, 'Prize 1');
    await group(first, 'Prize name').getByLabel('English', { exact: true }).fill('Coffee machine');
    await first.getByLabel('What the winner gets').selectOption({ label: 'A prize code for the till' });
    await page.getByRole('button', { name: 'Add a prize' }).click();
    const second = group(page, 'Prize 2');
    await group(second, 'Prize name').getByLabel('English', { exact: true }).fill('500 points');
    await second.getByLabel('Number of winners').fill('2');
    await second.getByLabel('Points per winner').fill('500');
    await page.getByLabel('Entries per purchase').selectOption({ label: 'One per purchase of at least the amount' });
    await page.getByLabel('Amount', { exact: true }).fill('100');
    const now = world.now().getTime();
    await page.getByLabel('Entries open').fill(browserWallClock(minuteOf(now - HOUR_MS)));
    await page.getByLabel('Entries close').fill(browserWallClock(minuteOf(now - 2 * HOUR_MS)));
    await page.getByLabel('Draw time').fill(browserWallClock(minuteOf(now + HOUR_MS)));
    await page.getByRole('button', { name: 'Create the draw' }).click();

    await page.getByText('The draw was not created: check the marked fields.').waitFor();
    const closes = page.getByLabel('Entries close');
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Must come after the opening.').waitFor();
    expect(await closes.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await world.admin('GET', '/api/v1/draws')).body.draws).toEqual([]);

    await closes.fill(browserWallClock(minuteOf(now + HOUR_MS)));
    await page.getByRole('button', { name: 'Create the draw' }).click();
    await page.getByRole('heading', { name: 'Winter draw', level: 1 }).waitFor();
    await page.getByText('The draw is created.', { exact: false }).waitFor();
    const commitment = (await page.locator('.draw__facts code').first().textContent()) ?? '';
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining([
        'Coffee machine: 1 winner, prize code for the till',
        '500 points: 2 winners, 500 points',
      ]),
    );
    // The window is open: nothing to run yet.
    expect(await page.getByRole('button', { name: 'Run the draw' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'All draws' }).click();
    const rows = await rowTexts(page.getByRole('table', { name: 'Prize draws, newest first' }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      /^Winter draw \| A purchase of at least 100\.00: one entry \| .+ \| Open \| 0 entries \| Open$/,
    );
    const link = page.getByRole('link', { name: 'Open the public page of “Winter draw”' });
    expect(await link.getAttribute('href')).toMatch(/^\/draws\/[0-9a-f-]+$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a viewer the draws without a way to create one', async () => {
    const page = await signedIn(VIEWER);
    await page.getByRole('link', { name: 'Winter draw', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'New draw' }).count()).toBe(0);
  });

  it('lets the owner run the draw once its window has closed, and shows the winners masked', async () => {
    await world.joinsAndBuys('Ana Popescu', '+37369440747', 15_000);
    await world.joinsAndBuys('Ion Rusu', '+37369440002', 12_000);
    await world.joinsAndBuys('Eva Lungu', '+37369440003', 5_000); // below 100.00: no entry
    world.advance(2 * HOUR_MS);

    const page = await signedIn(DRAWS_OWNER);
    const rows = await rowTexts(page.getByRole('table', { name: 'Prize draws, newest first' }));
    expect(rows[0]).toMatch(/\| Window closed \| 2 entries \|/);
    await page.getByRole('link', { name: 'Winter draw', exact: true }).click();
    await page.getByRole('heading', { name: 'Winter draw', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Run the draw' }).click();

    await page.getByText('The draw has run', { exact: false }).waitFor();
    const winners = await rowTexts(page.getByRole('table', { name: 'Winners, in the order drawn' }));
    expect(winners).toHaveLength(2);
    const names = winners.map((row) => row.split(' | ')[1]).sort();
    expect(names).toEqual(['Ana P. ••0747', 'Ion R. ••0002']);
    const prizes = winners.map((row) => row.split(' | ')[0]);
    expect(prizes).toEqual(['Coffee machine', '500 points']);
    expect(await page.getByRole('button', { name: 'Run the draw' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits a 390 px phone without scrolling sideways: the list, a drawn draw and the form', async () => {
    const page = await signedIn(DRAWS_OWNER, { width: 390 });
    const fits = async () => {
      expect(await wider(page, 390)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
    };
    await page.getByRole('table', { name: 'Prize draws, newest first' }).waitFor();
    await fits();
    await page.getByRole('link', { name: 'Winter draw', exact: true }).click();
    await page.getByRole('table', { name: 'Winners, in the order drawn' }).waitFor();
    await fits();
    await page.getByRole('link', { name: 'All draws' }).click();
    await page.getByRole('link', { name: 'New draw' }).click();
    await page.getByRole('heading', { name: 'New draw', level: 1 }).waitFor();
    await fits();
  });
});
