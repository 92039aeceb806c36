import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramRules } from '../../core/program/programRules.ts';
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

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${world.app.url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const storedRules = async () =>
  (await call('GET', '/api/v1/program', undefined, asAdmin)).body as unknown as ProgramRules;

/** A console account of this role with a password, through the API as the owner would make it. */
async function accountWith(role: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const created = await call('POST', '/api/v1/accounts', { name: role, email, role, locale: 'en' }, asAdmin);
  const token = String(created.body.setupUrl).split('/setup/')[1];
  const session = await call('POST', '/api/v1/account-setup', { token, password });
  const cookie = /loyalty_session=[^;]+/.exec(session.headers.get('set-cookie') ?? '')![0];
  return { cookie, csrf: String(session.body.csrfToken) };
}

async function openProgramme(options: { width?: number } = {}): Promise<Page> {
  const page = await world.open(options);
  await signInInPage(page, OWNER.email, OWNER.password);
  await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Programme' }).click();
  await page.getByRole('heading', { name: 'Programme rules' }).waitFor();
  await previewLine(page).filter({ hasText: 'A purchase of' }).waitFor();
  return page;
}

const previewLine = (page: Page) => page.getByRole('complementary', { name: 'Preview' }).getByRole('status');

/** The message shown for an input, read through its aria-describedby as a screen reader would. */
async function messageAt(page: Page, label: string): Promise<{ invalid: string | null; message: string }> {
  const input = page.getByLabel(label, { exact: true });
  const id = await input.getAttribute('id');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(`${id}-error`);
  return {
    invalid: await input.getAttribute('aria-invalid'),
    message: (await page.locator(`[id="${id}-error"]`).textContent()) ?? '',
  };
}

const save = (page: Page) => page.getByRole('button', { name: 'Save rules' }).click();

describe.skipIf(skipBrowserTests)(
  `the programme rules form in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      world = await startConsoleWorld();
      const owner = await call('POST', '/api/v1/owner', { ...OWNER, locale: 'en' }, asAdmin);
      if (owner.status !== 201) throw new Error(`owner: ${owner.status} ${JSON.stringify(owner.body)}`);
    });

    afterEach(async () => {
      await world.closePages();
    });

    afterAll(async () => {
      await world?.stop();
    });

    it('stores a rate and a tier threshold changed in the form, as the API then gives them', async () => {
      const page = await openProgramme();
      await page.getByLabel('Tier 2: Earning (%)', { exact: true }).fill('6');
      await page.getByLabel('Tier 3: From lifetime spend (lei)', { exact: true }).fill('15000');
      await page.getByLabel('Share of a receipt points may pay (%)', { exact: true }).fill('40');
      await save(page);
      await page.getByText('The rules are saved and apply to the next purchase.').waitFor();
      const rules = await storedRules();
      expect(rules.tiers.map((tier) => [tier.code, tier.threshold, tier.earnPercent])).toEqual([
        ['bronze', 0, 3],
        ['silver', 500_000, 6],
        ['gold', 1_500_000, 7],
        ['vip', 5_000_000, 10],
      ]);
      expect(rules.maxRedeemPercent).toBe(40);
      const audit = await call('GET', '/api/v1/audit?subject=program&limit=1', undefined, asAdmin);
      const [entry] = audit.body.entries as {
        actor: string;
        before: Partial<ProgramRules>;
        after: Partial<ProgramRules>;
      }[];
      expect(entry!.actor).toMatch(/^account:/);
      expect([entry!.before.maxRedeemPercent, entry!.after.maxRedeemPercent]).toEqual([50, 40]);
      expect(entry!.after.tiers?.[1]?.earnPercent).toBe(6);
    });

    it('adds and removes tiers, and a new tier’s threshold is stored in bani', async () => {
      const page = await openProgramme();
      await page.getByRole('button', { name: 'Add a tier' }).click();
      await page.getByLabel('Tier 5: Code', { exact: true }).fill('club');
      await page.getByLabel('Tier 5: From lifetime spend (lei)', { exact: true }).fill('100000.50');
      await page.getByRole('button', { name: 'Remove tier 4' }).click();
      expect(await page.getByLabel('Tier 4: Code', { exact: true }).inputValue()).toBe('club');
      await save(page);
      await page.getByText('The rules are saved and apply to the next purchase.').waitFor();
      expect((await storedRules()).tiers.at(-1)).toEqual({
        code: 'club',
        threshold: 10_000_050,
        earnPercent: 10,
        discountPercent: 10,
      });
    });

    it('shows the API’s refusals at the fields they name, and stores nothing', async () => {
      const before = await storedRules();
      const page = await openProgramme();
      await page.getByLabel('Tier 1: Earning (%)', { exact: true }).fill('-1');
      await page.getByLabel('Share of a receipt points may pay (%)', { exact: true }).fill('101');
      await page.getByLabel('Tier 3: From lifetime spend (lei)', { exact: true }).fill('100');
      await save(page);
      await page.getByText('Nothing was saved. Fix the fields marked.').waitFor();
      expect(await messageAt(page, 'Tier 1: Earning (%)')).toEqual({ invalid: 'true', message: 'At least 0.' });
      expect(await messageAt(page, 'Share of a receipt points may pay (%)')).toEqual({
        invalid: 'true',
        message: 'At most 100.',
      });
      expect(await storedRules()).toEqual(before);

      await page.getByLabel('Tier 1: Earning (%)', { exact: true }).fill('3');
      await page.getByLabel('Share of a receipt points may pay (%)', { exact: true }).fill('50');
      await save(page);
      await page.getByText('Nothing was saved. Fix the fields marked.').waitFor();
      expect(await messageAt(page, 'Tier 3: From lifetime spend (lei)')).toEqual({
        invalid: 'true',
        message: 'Each tier must start above the one before it.',
      });
      expect(await messageAt(page, 'Tier 1: Earning (%)')).toEqual({ invalid: null, message: '' });
      expect(await storedRules()).toEqual(before);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('says the refusal in the reader’s language', async () => {
      const page = await world.open();
      await signInInPage(page, OWNER.email, OWNER.password);
      await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
      await page.getByLabel('Language').selectOption('ru');
      await page.getByRole('navigation').getByRole('link', { name: 'Программа' }).click();
      await page.getByRole('heading', { name: 'Правила программы' }).waitFor();
      await page.getByLabel('Бонус ко дню рождения (баллов)', { exact: true }).fill('2.5');
      await page.getByRole('button', { name: 'Сохранить правила' }).click();
      await page.getByText('Ничего не сохранено. Исправьте отмеченные поля.').waitFor();
      expect(await messageAt(page, 'Бонус ко дню рождения (баллов)')).toEqual({
        invalid: 'true',
        message: 'Целое число.',
      });
      await page.locator('#language').selectOption('en');
      await page.getByRole('heading', { name: 'Programme rules' }).waitFor();
    });

    it('previews a purchase under the rules being edited, and no figure while they are invalid', async () => {
      const page = await openProgramme();
      await page.getByLabel('Member’s tier', { exact: true }).selectOption('silver');
      const line = previewLine(page);
      await line
        .filter({ hasText: 'A purchase of MDL 250.00 by a silver member: discount MDL 7.50 (3%), paid MDL 242.50' })
        .waitFor();
      const points = async () => /(\d+) points? earned/.exec((await line.textContent()) ?? '')?.[1];
      const at6 = await points();
      await page.getByLabel('Tier 2: Earning (%)', { exact: true }).fill('10');
      await line.filter({ hasText: '24 points earned' }).waitFor();
      expect(at6).toBe('14');
      await page.getByLabel('Tier 2: Earning (%)', { exact: true }).fill('200');
      await line.filter({ hasText: 'Fix the fields marked to see the preview.' }).waitFor();
      expect(await messageAt(page, 'Tier 2: Earning (%)')).toEqual({ invalid: 'true', message: 'At most 100.' });
      await page.getByLabel('Stamps already on the card', { exact: true }).fill('5');
      await page.getByLabel('Tier 2: Earning (%)', { exact: true }).fill('1');
      await line.filter({ hasText: '2 points earned' }).waitFor();
      expect(await line.textContent()).toContain('This purchase completes the stamp card: a free item.');
    });

    it('lets a power user edit the JSON, which the form takes up', async () => {
      const page = await openProgramme();
      await page.getByText('Advanced (JSON)').click();
      const json = page.getByLabel('Rules (JSON)', { exact: true });
      // The disclosure fills the box when it opens: read it once it has.
      await expect.poll(() => json.inputValue()).not.toBe('');
      const rules = JSON.parse(await json.inputValue()) as ProgramRules;
      await json.fill(JSON.stringify({ ...rules, welcomeBonus: 150 }));
      await page.getByRole('button', { name: 'Apply to the form' }).click();
      expect(await page.getByLabel('Welcome bonus (points)', { exact: true }).inputValue()).toBe('150');
      await json.fill('{ not json');
      await page.getByRole('button', { name: 'Apply to the form' }).click();
      await page.getByText('This is not a JSON object; the form is unchanged.').waitFor();
      await save(page);
      await page.getByText('The rules are saved and apply to the next purchase.').waitFor();
      expect((await storedRules()).welcomeBonus).toBe(150);
    });

    it.each(['viewer', 'support'])(
      'gives a %s no programme section, and the API refuses their change',
      async (role) => {
        const email = `${role}@shop.md`;
        const session = await accountWith(role, email, `${role} password long enough`);
        const before = await storedRules();
        const refused = await call(
          'PUT',
          '/api/v1/program',
          { ...before, welcomeBonus: 1 },
          { cookie: session.cookie, 'x-csrf-token': session.csrf },
        );
        expect([refused.status, refused.body.type]).toEqual([403, '/api/problems/forbidden']);
        expect(await storedRules()).toEqual(before);
        const page = await world.open({ path: '#/program' });
        await signInInPage(page, email, `${role} password long enough`);
        await page.getByRole('heading', { name: `Welcome, ${role}` }).waitFor();
        const nav = page.getByRole('navigation', { name: 'Sections' });
        expect(await nav.getByRole('link').allTextContents()).not.toContain('Programme');
        await page.goto(`${world.app.url}/admin#/program`);
        await page.getByRole('heading', { name: `Welcome, ${role}` }).waitFor();
        expect(await page.getByRole('heading', { name: 'Programme rules' }).count()).toBe(0);
      },
    );

    it.each([1280, 390])(
      'passes axe at %i px, with a field marked, and the page never scrolls sideways',
      async (width) => {
        const page = await openProgramme({ width });
        expect(await seriousViolations(page)).toEqual([]);
        // The tiers table may scroll in its own box on a phone; the page itself must not.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.getByLabel('Every Nth purchase is free', { exact: true }).fill('1');
        await save(page);
        await page.getByText('Nothing was saved. Fix the fields marked.').waitFor();
        expect(await messageAt(page, 'Every Nth purchase is free')).toEqual({
          invalid: 'true',
          message: 'At least 2.',
        });
        await page.getByText('Advanced (JSON)').click();
        expect(await seriousViolations(page)).toEqual([]);
      },
    );
  },
);
