// The customer stages, loyalty square and RFM pages in Chromium, after a
// scoring run, on four members: every chart with its table, CSV exports,
// a segment made from a cell, usable at 390 px, no serious axe violation.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { addAnswer, addMember, addPurchase } from '../core/scoring/support/scoringRows.ts';
import {
  ADMIN_TOKEN,
  OWNER,
  seriousViolations,
  signInInPage,
  startConsoleWorld,
  type ConsoleWorld,
} from './consoleWorld.ts';

let world: ConsoleWorld;
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const DAY_MS = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

async function call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${world.app.url}/api/v1${path}`, {
    method,
    headers: body === undefined ? asAdmin : { ...asAdmin, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Four members: A never bought; B once, then said 9; C twice long ago, rated the desk 2; D six times lately, said 3. */
async function seed(): Promise<void> {
  const db = world.app.db;
  const [, b, c, d] = [
    await addMember(db, ago(400)),
    await addMember(db, ago(400)),
    await addMember(db, ago(400)),
    await addMember(db, ago(400)),
  ];
  await addPurchase(db, b!, ago(2), 10_000);
  await addAnswer(db, b!, 'nps', 9, ago(1));
  for (const days of [200, 190]) await addPurchase(db, c!, ago(days), 5_000);
  await addAnswer(db, c!, 'csat', 2, ago(10));
  for (const days of [5, 10, 15, 20, 25, 30]) await addPurchase(db, d!, ago(days), 4_000);
  await addAnswer(db, d!, 'nps', 3, ago(4));
}

async function rowTexts(page: Page, name: string): Promise<string[]> {
  const region = page.getByRole('region', { name, exact: true });
  await region.locator('tbody tr').first().waitFor();
  return region.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children)
        .map((cell) => (cell.textContent ?? '').trim())
        .join(' | '),
    ),
  );
}

async function openTab(tab: string, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, OWNER.email, OWNER.password);
  await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Analytics' }).click();
  await page.getByRole('heading', { name: 'Analytics' }).waitFor();
  await page.getByRole('list').getByRole('link', { name: 'Customer stages' }).click();
  await page.getByRole('heading', { name: 'Customer loyalty' }).waitFor();
  await page.getByRole('navigation', { name: 'Loyalty figures' }).getByRole('link', { name: tab }).click();
  await page.getByRole('link', { name: tab, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
  return page;
}

describe.skipIf(skipBrowserTests)(`the score pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startConsoleWorld();
    await call('POST', '/owner', { ...OWNER, locale: 'en' });
    await seed();
    await call('POST', '/reports/scores/refresh');
    await vi.waitFor(
      async () => {
        if ((await call('GET', '/reports/stages')).scoredOn === null) throw new Error('not scored yet');
      },
      { timeout: 10_000 },
    );
  });
  afterEach(async () => {
    await world.closePages();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('shows the funnel with conversions, the trend and how they are computed', async () => {
    const page = await openTab('Customer stages');
    expect(await rowTexts(page, 'Stages now')).toEqual([
      '1. First visit | 1 | 4 | — | Create a segment',
      '2. First purchase | 1 | 3 | 75 % | Create a segment',
      '3. Repeat visits | 2 | 2 | 66.7 % | Create a segment',
      '4. Attachment | 0 | 0 | 0 % | Create a segment',
      '5. Loyalty | 0 | 0 | — | Create a segment',
    ]);
    expect(await rowTexts(page, 'Members in each stage by month')).toHaveLength(12);
    await page
      .getByText('Attachment in this programme: at least 2 purchases a month in each of the last 3 full months.')
      .waitFor();
    await page.getByText('3 repeat visits: two purchases or more.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the loyalty square and makes a segment of the false-loyal to win back', async () => {
    const page = await openTab('Loyalty square');
    expect(await rowTexts(page, 'Members in each kind of loyalty')).toEqual([
      'Attached | True loyalty: 0 (0 %) | Latent loyalty: 1 (33.3 %)',
      'Not attached | False loyalty: 2 (66.7 %) | No loyalty: 0 (0 %)',
    ]);
    await page.getByText('1 member gave no NPS or desk CSAT answer and is in no cell.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create a segment of “False loyalty”' }).click();
    await page.waitForURL(/#\/segments\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    expect((await call('GET', `/segments/${id}`)).filters).toEqual({ quadrants: ['false'] });
    expect((await call('GET', `/segments/${id}/count`)).members).toBe(2);
  });

  it('shows the RFM segments with their share of revenue and downloads them as CSV', async () => {
    const page = await openTab('RFM segments');
    const rows = await rowTexts(page, 'RFM segments');
    expect(rows).toHaveLength(10);
    expect(rows).toContain('Promising | 1 | 33.3 % | 22.7 % | Create a segment');
    expect(rows).toContain('At risk | 1 | 33.3 % | 54.5 % | Create a segment');
    expect(rows).toContain('Champions | 0 | 0 % | 0 % | Create a segment');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV: rfm-segments.csv' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"Segment","Members","Share of buyers","Share of revenue"');
    expect(csv).toContain('"Lost","1","33.3 %","22.7 %"');
  });

  it('fits a 390 px phone on every tab, its charts drawn, with no serious violation', async () => {
    for (const tab of ['Customer stages', 'Loyalty square', 'RFM segments']) {
      const page = await openTab(tab, 390);
      await page.locator('.chart__drawing svg').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), tab).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });
});
