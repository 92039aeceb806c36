// The automatic messages in Chromium: a marketer finds every one in one
// list, the built-in birthday greeting and expiry reminder among them;
// writes win-back with its days and a text previewed in each language,
// meets a bad number and an unknown placeholder at their fields, switches it
// on and sees its figures; switches it off from the list, and the text
// stays; Russian and Romanian plurals; a 390 px phone; a viewer has no such
// section. axe-core checks every page.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { startCampaignsWorld, type CampaignsWorld } from './campaignsWorld.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';

const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const TRANSLATOR = { name: 'Mihaela', email: 'mihaela@shop.md', password: 'marketer password 456' };
const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };

let world: CampaignsWorld;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const list = (page: Page) => page.getByRole('table', { name: 'Automatic messages' });
const preview = (page: Page) => page.getByRole('complementary', { name: 'Preview' });
const switchOf = (page: Page, name: string) => page.getByRole('switch', { name: `Send “${name}”` });

async function signedIn(person: { name: string; email: string; password: string }, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  return page;
}

async function toAutomations(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Automatic messages' }).click();
  await list(page).waitFor();
}

/** A table's rows as a reader meets them: cells joined by " | ". */
async function rowTexts(table: Locator): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children)
        .map((cell) => (cell.textContent ?? '').trim())
        .join(' | '),
    ),
  );
}

async function previewed(page: Page, text: string): Promise<void> {
  await page.locator('aside[aria-busy="false"]').waitFor({ state: 'attached' });
  await preview(page).getByText(text, { exact: false }).first().waitFor();
}

describe.skipIf(skipBrowserTests)(
  `the automatic messages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      world = await startCampaignsWorld();
      await world.invite('marketer', MARKETER);
      await world.invite('marketer', TRANSLATOR);
      await world.invite('viewer', VIEWER);
    }, 90_000);

    afterEach(async () => {
      await world.closePages();
    });

    afterAll(async () => {
      await world?.stop();
    });

    // The tests share one application, in this order: win-back written in the second is switched off in the third.
    it('lists every automatic message in one place, the built-in ones with the rules that set them', async () => {
      const page = await signedIn(MARKETER);
      await toAutomations(page);
      expect(await rowTexts(list(page))).toEqual([
        'Welcome, day 0 | On the day a member joins. | OffWrite its message first. | —',
        'Welcome, day 3 | 3 days after a member joins. | OffWrite its message first. | —',
        'Welcome, day 7 | 7 days after a member joins. | OffWrite its message first. | —',
        'Win-back | After 60 days without a purchase, at most once in that time. | OffWrite its message first. | —',
        'Anniversary of joining | Every year on the day a member joined. | OffWrite its message first. | —',
        "Birthday greeting | On the member's birthday, with a gift of 200 points. | On Programme rules | —",
        "Expiring points reminder | 14 days before a member's points expire. | On Programme rules | —",
      ]);
      // A message never written has nothing to send: its switch waits for the text.
      expect(await switchOf(page, 'Welcome, day 0').isDisabled()).toBe(true);
      expect(await switchOf(page, 'Welcome, day 0').getAttribute('aria-checked')).toBe('false');
      await page.getByRole('heading', { name: 'The built-in messages' }).waitFor();
      await page.getByText('Happy birthday', { exact: false }).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('writes win-back with its days, its problems shown at their fields, and switches it on', async () => {
      const page = await signedIn(MARKETER);
      await toAutomations(page);
      await list(page).getByRole('link', { name: 'Win-back' }).click();
      await page.getByRole('heading', { name: 'Win-back', level: 1 }).waitFor();
      await page.getByText('No figures yet: it has never been saved.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const days = page.getByLabel('Days without a purchase');
      expect(await days.inputValue()).toBe('60');
      await days.fill('3');
      const english = page.getByRole('group', { name: 'Text', exact: true }).getByLabel('English', { exact: true });
      await english.fill('{nmae}, we miss you!');
      await previewed(page, 'we miss you!');
      await page.getByText('{nmae} is not a placeholder. Use {name}, {balance} or {tier}.').waitFor();
      expect(await english.getAttribute('aria-invalid')).toBe('true');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('A whole number from 7 to 365.').waitFor();
      expect(await days.getAttribute('aria-invalid')).toBe('true');
      expect(await days.evaluate((input) => input === document.activeElement)).toBe(true);
      expect((await world.admin('GET', '/api/v1/automations')).body).toMatchObject({
        automations: expect.arrayContaining([expect.objectContaining({ kind: 'win-back', saved: false })]),
      });

      await days.fill('30');
      await english.fill('{name}, we miss you! You have {balance} points.');
      await previewed(page, 'Anna, we miss you! You have 1,250 points.');
      expect(await english.getAttribute('aria-invalid')).toBeNull();
      await page.getByLabel('On: send it by itself').check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved. It is on and goes out by itself.').waitFor();
      await page.getByText('After 30 days without a purchase, at most once in that time. Now: On.').waitFor();
      await page.getByRole('table', { name: 'Where the messages stand' }).waitFor();
      await page.getByRole('heading', { name: 'Results' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const saved = await world.admin('GET', '/api/v1/automations');
      expect(saved.body).toMatchObject({
        automations: expect.arrayContaining([
          expect.objectContaining({
            kind: 'win-back',
            enabled: true,
            days: 30,
            messages: { en: '{name}, we miss you! You have {balance} points.' },
          }),
        ]),
      });
    });

    it('switches win-back off from the list, keeping its text', async () => {
      const page = await signedIn(MARKETER);
      await toAutomations(page);
      const winBack = switchOf(page, 'Win-back');
      expect(await winBack.getAttribute('aria-checked')).toBe('true');
      expect(await rowTexts(list(page))).toContain(
        'Win-back | After 30 days without a purchase, at most once in that time. | On | 0',
      );
      await winBack.click();
      await page.getByText('“Win-back” is off: nothing more is sent, and messages waiting are held.').waitFor();
      expect(await switchOf(page, 'Win-back').getAttribute('aria-checked')).toBe('false');
      // The switch keeps the focus, drawn anew, so a keyboard can turn it back at once.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('switch');
      expect(await seriousViolations(page)).toEqual([]);

      const after = (await world.admin('GET', '/api/v1/automations')).body as {
        automations: Array<{ kind: string; enabled: boolean; days: number; messages: object }>;
      };
      expect(after.automations.find((one) => one.kind === 'win-back')).toMatchObject({
        enabled: false,
        days: 30,
        messages: { en: '{name}, we miss you! You have {balance} points.' },
      });
    });

    it('speaks Russian and Romanian, with each language’s plural forms', async () => {
      const put = await world.admin('PUT', '/api/v1/automations/win-back', {
        enabled: false,
        days: 21,
        messages: { en: '{name}, we miss you!' },
      });
      expect(put.status).toBe(200);
      const page = await signedIn(TRANSLATOR);
      await page.getByLabel('Language').selectOption('ru');
      await page.getByRole('heading', { name: 'Здравствуйте, Mihaela' }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Автоматические сообщения' }).click();
      const russian = page.getByRole('table', { name: 'Автоматические сообщения' });
      await russian.waitFor();
      const ru = await rowTexts(russian);
      expect(ru).toContain('Возвращение | После 21 дня без покупок, не чаще раза за этот срок. | Выкл. | 0');
      expect(ru).toContain(
        'Напоминание о сгорании баллов | За 14 дней до сгорания баллов участника. | Вкл. Правила программы | —',
      );
      expect(ru).toContain(
        'Поздравление с днём рождения | В день рождения участника, в подарок 200 баллов. | Вкл. Правила программы | —',
      );
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Язык').selectOption('ro');
      const romanian = page.getByRole('table', { name: 'Mesaje automate' });
      await romanian.waitFor();
      const ro = await rowTexts(romanian);
      expect(ro).toContain(
        'Recâștigare | După 21 de zile fără cumpărături, cel mult o dată în acest timp. | Oprit | 0',
      );
      expect(ro).toContain(
        'Amintire despre punctele care expiră | Cu 14 zile înainte ca punctele membrului să expire. | Pornit Regulile programului | —',
      );
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('fits a 390 px phone, the list and the editor alike', async () => {
      const page = await signedIn(MARKETER, 390);
      await page.goto(`${page.url().split('#')[0]}#/automations`);
      await list(page).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${page.url().split('#')[0]}#/automations/win-back`);
      await page.getByRole('heading', { name: 'Win-back', level: 1 }).waitFor();
      await previewed(page, 'Anna, we miss you!');
      await page.getByRole('table', { name: 'Where the messages stand' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('is not offered to a viewer, whose role may not write to members', async () => {
      const page = await signedIn(VIEWER);
      expect(await nav(page).getByRole('link').allTextContents()).not.toContain('Automatic messages');
      await page.goto(`${page.url().split('#')[0]}#/automations/win-back`);
      await page.getByRole('heading', { name: `Welcome, ${VIEWER.name}` }).waitFor();
      expect(await page.getByRole('heading', { name: 'Win-back' }).count()).toBe(0);
    });

    it('shows the expiry reminder off while the programme’s rules give it 0 days', async () => {
      const rules = (await world.admin('GET', '/api/v1/program')).body;
      expect((await world.admin('PUT', '/api/v1/program', { ...rules, expiryReminderDays: 0 })).status).toBe(200);
      const page = await signedIn(MARKETER);
      await toAutomations(page);
      expect(await rowTexts(list(page))).toContain(
        "Expiring points reminder | Not sent while the reminder's days in the programme's rules are 0. | Off Programme rules | —",
      );
    });
  },
);
