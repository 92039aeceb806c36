// The analytics pages in Chromium: the overview on the first page with each
// figure beside the period before and its "how it is computed" line, the
// trend chart with its table; cohort retention as a heatmap with numbers;
// lifetime value with its chart, table and the programme's effect; a CSV of
// a table; all at 390 px without sideways scrolling and with no serious
// accessibility violation.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import {
  ADMIN_TOKEN,
  OWNER,
  seriousViolations,
  signInInPage,
  startConsoleWorld,
  type ConsoleWorld,
} from './consoleWorld.ts';

let world: ConsoleWorld;
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${world.app.url}${path}`, {
    method: 'POST',
    headers: asAdmin,
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function rowTexts(table: ReturnType<Page['getByRole']>): Promise<string[]> {
  return table.locator('tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children)
        .map((cell) => (cell.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim())
        .join(' | '),
    ),
  );
}

async function signedIn(width = 1280, path = ''): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, OWNER.email, OWNER.password);
  await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
  if (path) await page.evaluate((hash) => (location.hash = hash), path);
  return page;
}

describe.skipIf(skipBrowserTests)(
  `the analytics pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      world = await startConsoleWorld();
      await post('/api/v1/owner', { ...OWNER, locale: 'en' });
      const ana = await post('/api/v1/members', { phone: '+37369100001', name: 'Ana', locale: 'en', consent: true });
      await post('/api/v1/members', { phone: '+37369100002', name: 'Boris', locale: 'en', consent: true });
      for (const [receipt, amount] of [
        ['a1', 10_000],
        ['a2', 20_000],
      ] as const)
        await world.app.points.recordPurchase({
          member: { memberId: String(ana.id) },
          receiptId: receipt,
          amount,
          redeemPoints: 0,
          source: 'api',
          recordedBy: 'admin',
        });
    });
    afterEach(async () => {
      await world.closePages();
    });
    afterAll(async () => {
      await world?.stop();
    });

    it('shows the overview on the first page, each figure against the period before and how it is computed', async () => {
      const page = await signedIn();
      const figures = page.getByRole('table', { name: /^Figures from / });
      await figures.waitFor();
      const rows = await rowTexts(figures);
      expect(rows).toContain('Purchases | 2 | 0 | —');
      expect(rows).toContain('New members | 2 | 0 | —');
      expect(rows).toContain('Repeat purchase rate | 100% | — | —');
      expect(rows).toContain('Average check | MDL 150.00 | — | —');
      await page.getByText('Revenue ÷ purchases; refunded purchases are left out.').waitFor();
      const trend = await rowTexts(page.getByRole('table', { name: 'Revenue and purchases by day' }));
      expect(trend.at(-1)).toMatch(/\| 2 \| MDL 300\.00$/);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('exports a table as CSV', async () => {
      const page = await signedIn();
      const panel = page.locator('.panel').filter({ has: page.getByRole('table', { name: /^Figures from / }) });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: /^Download CSV: overview-/ }).click(),
      ]);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.split('\r\n').slice(0, 2)).toEqual(['\uFEFFfigure,value,previous,change', 'members,2,0,']);
    });

    it('shows cohort retention as a heatmap with shares and counts', async () => {
      const page = await signedIn(1280, '#/analytics/cohorts');
      const heatmap = page.getByRole('table', { name: /^Share of each month's new members/ });
      await heatmap.waitFor();
      // Both members joined this month: its cohort has only its month 0 so far, the later months' cells empty.
      const cohort = (await rowTexts(heatmap)).find((row) => /^\d{4}-\d{2} \| 2 \|/.test(row));
      expect(cohort?.replace(/( \| )+$/, '')).toMatch(/^\d{4}-\d{2} \| 2 \| 50% \(1\)$/);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('shows lifetime value by group with its chart and the programme’s effect', async () => {
      const page = await signedIn(1280, '#/analytics/ltv');
      const values = page.getByRole('table', { name: 'Lifetime value by group' });
      await values.waitFor();
      expect(await rowTexts(values)).toEqual([
        'Group | Members | Monthly spend | Lifetime, months | Lifetime value',
        'Everyone | 1 | MDL 300.00 | 1 | MDL 300.00',
        'Bronze | 1 | MDL 300.00 | 1 | MDL 300.00',
      ]);
      await page.locator('.chart__drawing svg').first().waitFor();
      await page.getByRole('table', { name: 'Before and after joining' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('fits a 390 px phone without scrolling sideways on each analytics page', async () => {
      for (const path of ['', '#/analytics/cohorts', '#/analytics/ltv']) {
        const page = await signedIn(390, path);
        await page.locator('.analytics table').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      }
    }, 90_000);
  },
);
