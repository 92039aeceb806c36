// The NPS and CSAT page in Chromium: the score and its shares, the weekly
// trend, the 0–10 distribution, breakdowns, comments with their ticket link,
// and CSAT per touch point and store — every figure in a table, usable at
// 390 px, with no serious accessibility violation.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seedAnswer } from '../support/surveyAnswers.ts';
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
const DAY_MS = 86_400_000;

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${world.app.url}${path}`, {
    method: 'POST',
    headers: asAdmin,
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function answer(memberId: string, fields: Record<string, unknown>, daysAgo: number): Promise<void> {
  const { score, scoreGroup: _group, ...rest } = fields;
  void _group;
  await seedAnswer(world.app.db, {
    memberId,
    score: score as number,
    at: new Date(Date.now() - daysAgo * DAY_MS),
    ...rest,
  });
}

/** A table's rows as a reader meets them: cells joined by " | ". */
async function rowTexts(table: ReturnType<Page['getByRole']>): Promise<string[]> {
  return table.locator('tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children)
        .map((cell) => (cell.textContent ?? '').trim())
        .join(' | '),
    ),
  );
}

async function openSurveys(width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, OWNER.email, OWNER.password);
  await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'NPS and CSAT' }).click();
  await page.getByRole('heading', { name: 'Net Promoter Score' }).waitFor();
  return page;
}

describe.skipIf(skipBrowserTests)(
  `the NPS and CSAT page in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      world = await startConsoleWorld();
      await post('/api/v1/owner', { ...OWNER, locale: 'en' });
      const member = await post('/api/v1/members', {
        phone: '+37369100001',
        name: 'Ana Popescu',
        locale: 'en',
        consent: true,
      });
      const id = String(member.id);
      await answer(
        id,
        { score: 10, scoreGroup: 'promoter', store: 'Centru', tier: 'gold', comment: 'Lovely staff' },
        2,
      );
      await answer(id, { score: 9, scoreGroup: 'promoter', store: 'Centru', tier: 'gold' }, 9);
      await answer(
        id,
        {
          score: 3,
          scoreGroup: 'detractor',
          store: 'Botanica',
          tier: 'bronze',
          comment: 'Cold coffee',
          followUpTicketId: 'ticket-404',
        },
        2,
      );
      await answer(id, { score: 7, scoreGroup: 'passive', store: 'Botanica', tier: 'bronze' }, 3);
      await answer(id, { kind: 'csat', touchpoint: 'desk', score: 5, scoreGroup: 'satisfied' }, 1);
      await answer(
        id,
        { kind: 'csat', touchpoint: 'purchase', score: 2, scoreGroup: 'dissatisfied', store: 'Botanica' },
        1,
      );
    });
    afterEach(async () => {
      await world.closePages();
    });
    afterAll(async () => {
      await world?.stop();
    });

    it('shows the score, its three shares and the response rate as a table', async () => {
      const page = await openSurveys();
      await page.getByText('NPS 25', { exact: true }).waitFor();
      const summary = page.getByRole('table', { name: 'NPS in figures' });
      const rows = await rowTexts(summary);
      expect(rows).toContain('Promoters (9–10) | 50 % (2)');
      expect(rows).toContain('Passives (7–8) | 25 % (1)');
      expect(rows).toContain('Detractors (0–6) | 25 % (1)');
      expect(rows).toContain('Response rate | 100 %');
      const distribution = page.getByRole('table', { name: 'Answers by score, 0 to 10' });
      expect(await distribution.getByRole('row').count()).toBe(12);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('breaks NPS down by store and lists comments with a link to the detractor’s ticket', async () => {
      const page = await openSurveys();
      await page.getByLabel('Break down by').selectOption('store');
      const byStore = page.getByRole('table', { name: 'NPS by store' });
      await byStore.getByText('Centru').waitFor();
      expect((await rowTexts(byStore)).slice(1)).toEqual([
        'Botanica | -50 | 0 | 1 | 1 | 2',
        'Centru | 100 | 2 | 0 | 0 | 2',
      ]);
      await page.getByLabel('Show', { exact: true }).selectOption('detractor');
      // The list reloads after the choice; wait for the passive's comment to go.
      await expect.poll(() => page.getByText('Lovely staff').count()).toBe(0);
      await page.getByText('Cold coffee').waitFor();
      await page.getByRole('link', { name: 'Open the ticket' }).click();
      await page.getByRole('heading', { name: 'Desk inbox' }).waitFor();
      expect(page.url()).toContain('#/desk/ticket-404');
    });

    it('shows CSAT per touch point and per store', async () => {
      const page = await openSurveys();
      const touchpoints = page.getByRole('table', { name: 'CSAT by touch point' });
      await touchpoints.getByRole('row', { name: /Help from staff 100 % 1/ }).waitFor();
      await touchpoints.getByRole('row', { name: /Purchases 0 % 1/ }).waitFor();
      await touchpoints.getByRole('row', { name: /The programme as a whole — 0/ }).waitFor();
      await page
        .getByRole('table', { name: 'CSAT of purchases by store' })
        .getByRole('row', { name: /Botanica 0 %/ })
        .waitFor();
    });

    it('fits a 390 px phone without scrolling sideways, its charts drawn, with no serious violation', async () => {
      const page = await openSurveys(390);
      await page.locator('.chart__drawing svg').first().waitFor();
      for (const drawing of await page.locator('.chart__drawing svg').all()) {
        const box = (await drawing.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
    });
  },
);
