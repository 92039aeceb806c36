import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import {
  ADMIN_TOKEN,
  createOwnerInPage,
  fill,
  OWNER,
  seriousViolations,
  signInInPage,
  startConsoleWorld,
  type ConsoleWorld,
} from './consoleWorld.ts';

let world: ConsoleWorld;

const navTo = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();

describe.skipIf(skipBrowserTests)(`the console in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startConsoleWorld();
  });

  afterEach(async () => {
    await world.closePages();
  });

  afterAll(async () => {
    await world?.stop();
  });

  // The tests share one console, in this order: the owner is made once, first.
  it('sets up the owner with the admin token on the first start, refusing a wrong token', async () => {
    const page = await world.open();
    await page.getByRole('heading', { name: 'Set up the console' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await fill(page, 'Admin token', `${ADMIN_TOKEN}-wrong`);
    await fill(page, 'Your name', OWNER.name);
    await fill(page, 'Email', OWNER.email);
    await fill(page, 'Password (at least 12 characters)', 'short');
    await page.getByRole('button', { name: 'Create the owner account' }).click();
    await page.getByText('At least 12 characters.').waitFor();
    await fill(page, 'Password (at least 12 characters)', OWNER.password);
    await page.getByRole('button', { name: 'Create the owner account' }).click();
    await page.getByText('This admin token is not right.', { exact: false }).waitFor();
    await page.reload();
    await createOwnerInPage(page);
    expect(await world.app.db.prisma.account.count()).toBe(1);
  });

  it('signs in, refuses a wrong password without saying which part was wrong, and signs out', async () => {
    const page = await world.open();
    await signInInPage(page, OWNER.email, 'not my password');
    await page.getByText('The email or the password is wrong.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signInInPage(page, OWNER.email, OWNER.password);
    await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('marks empty fields in the visitor’s language before sending anything', async () => {
    const page = await world.open({ locale: 'ro-RO' });
    await page.getByRole('heading', { name: 'Autentificare' }).waitFor();
    await page.getByRole('button', { name: 'Intră' }).click();
    expect(await page.getByText('Obligatoriu.').count()).toBe(2);
    expect(await page.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
  });

  it('invites a marketer with a one-time link, who sees the programme but not the accounts', async () => {
    const owner = await world.open();
    await signInInPage(owner, OWNER.email, OWNER.password);
    await navTo(owner, 'Accounts');
    await owner.getByRole('heading', { name: 'Accounts' }).waitFor();
    await fill(owner, 'Name', 'Maria');
    await fill(owner, 'Email', 'maria@shop.md');
    await owner.getByLabel('Role', { exact: true }).selectOption('marketer');
    await owner.getByRole('button', { name: 'Create account and link' }).click();
    const link = await owner.getByRole('textbox', { name: 'Set-up link for Maria' }).inputValue();
    expect(link).toMatch(/\/admin\/#\/setup\/[\w-]+$/);
    await owner.getByRole('cell', { name: 'maria@shop.md' }).waitFor();
    expect(await seriousViolations(owner)).toEqual([]);

    const maria = await world.open({ path: `/#/setup/${link.split('/setup/')[1]}` });
    await maria.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await fill(maria, 'Password', 'maria chooses well');
    await maria.getByRole('button', { name: 'Save and sign in' }).click();
    await maria.getByRole('heading', { name: 'Welcome, Maria' }).waitFor();
    const nav = maria.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Members',
      'Programme',
      'Quizzes',
      'NPS and CSAT',
      'Analytics',
      'Segments',
      'Campaigns',
      'Automatic messages',
      'Prize draws',
      'Contests',
      'My password',
    ]);
    await maria.goto(`${world.app.url}/admin#/accounts`);
    await maria.getByRole('heading', { name: 'Welcome, Maria' }).waitFor();
  });

  it('changes a rate through the programme form, previewed before it is saved', async () => {
    const page = await world.open();
    await signInInPage(page, OWNER.email, OWNER.password);
    await navTo(page, 'Programme');
    await page.getByRole('heading', { name: 'Programme rules' }).waitFor();
    const line = page.getByRole('complementary', { name: 'Preview' }).getByRole('status');
    await line.filter({ hasText: 'A purchase of MDL 250.00 by a bronze member' }).waitFor();
    await page.getByLabel('Tier 1: Earning (%)', { exact: true }).fill('10');
    await line.filter({ hasText: '25 points earned' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('The rules are saved and apply to the next purchase.').waitFor();
    expect((await world.app.points.rules()).tiers[0]!.earnPercent).toBe(10);

    await page.getByLabel('Tier 1: Earning (%)', { exact: true }).fill('-1');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Nothing was saved. Fix the fields marked.').waitFor();
    expect(await page.getByLabel('Tier 1: Earning (%)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await world.app.points.rules()).tiers[0]!.earnPercent).toBe(10);
  });

  it('shows the audit log of what was changed, and passes axe at 390 px on every page', async () => {
    const page = await world.open({ width: 390 });
    await signInInPage(page, OWNER.email, OWNER.password);
    for (const [link, heading] of [
      ['Audit log', 'Audit log'],
      ['Programme', 'Programme rules'],
      ['Accounts', 'Accounts'],
      ['My password', 'My password'],
      ['Home', `Welcome, ${OWNER.name}`],
    ] as const) {
      await navTo(page, link);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await seriousViolations(page), heading).toEqual([]);
    }
    await navTo(page, 'Audit log');
    await page.getByRole('cell', { name: 'program.updated' }).waitFor();
    expect(await page.getByRole('cell', { name: 'account.created' }).count()).toBe(2);
  });

  it('speaks the language the person chose, and remembers it for their account', async () => {
    const page = await world.open();
    await signInInPage(page, OWNER.email, OWNER.password);
    await page.getByRole('heading', { name: `Welcome, ${OWNER.name}` }).waitFor();
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: `Здравствуйте, ${OWNER.name}` }).waitFor();
    const other = await world.open();
    await signInInPage(other, OWNER.email, OWNER.password);
    await other.getByRole('heading', { name: `Здравствуйте, ${OWNER.name}` }).waitFor();
  });
});
