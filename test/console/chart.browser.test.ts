// The console's charts in Chromium, under the console's own strict policy:
// ECharts is served from node_modules, draws SVG that fits the page (a phone
// included), and every chart's numbers are there as a table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations, startConsoleWorld, type ConsoleWorld } from './consoleWorld.ts';

let world: ConsoleWorld;

describe.skipIf(skipBrowserTests)(`console charts in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startConsoleWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.stop();
  });

  it.each([1280, 390])(
    'draws a bar chart as SVG beside its table, within the page at %i px, breaking no policy',
    async (width) => {
      const page = await world.open({ width, enforceCsp: true });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.getByRole('heading').first().waitFor();

      // A string, not a function: vitest would rewrite a function's import() for Node.
      await page.evaluate(`(async () => {
      const { chartFigure } = await import('/admin/assets/chart.js');
      const figure = chartFigure({
        caption: 'Answers by score',
        option: {
          xAxis: { type: 'category', data: ['0', '6', '7', '9', '10'] },
          yAxis: { type: 'value' },
          series: [{ type: 'bar', data: [1, 3, 2, 5, 8] }],
        },
        head: ['Score', 'Answers'],
        rows: [['0', '1'], ['6', '3'], ['7', '2'], ['9', '5'], ['10', '8']],
      });
      document.querySelector('main').replaceChildren(figure);
    })()`);

      const drawing = page.locator('.chart__drawing svg');
      await drawing.waitFor();
      expect(await page.locator('.chart__drawing svg path').count()).toBeGreaterThanOrEqual(5);
      const box = (await drawing.boundingBox())!;
      expect(box.width).toBeGreaterThan(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      const table = page.getByRole('table', { name: 'Answers by score' });
      expect(await table.getByRole('row').count()).toBe(6);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(violations).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
    },
  );
});
