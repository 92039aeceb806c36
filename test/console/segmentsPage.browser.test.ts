// The segments pages in Chromium: a marketer builds a segment by ticking
// filters and watches the count and the newest members follow; saves it,
// finds it listed with its count, edits it and deletes it; picks who entered a
// contest or a draw by its title; a taken name, a bad bound and a contest
// deleted meanwhile are shown at their fields; a late count cannot overwrite a
// newer one; a support account has no such section. axe-core checks the
// list and the editor at desktop and phone widths.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';
import { CLOCK_START, startMembersWorld, type MembersWorld } from './membersWorld.ts';
import { createMarketingConsentStore } from '../../core/storage/marketing/createMarketingConsentStore.ts';

const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const SUPPORT = { name: 'Mihai', email: 'mihai@shop.md', password: 'support password 123' };
/** Who is enrolled, in this order, and who spends enough for silver (5,000 lei; the default rules). */
const MEMBERS = [
  { name: 'Ana Argint', locale: 'ro', silver: true },
  { name: 'Boris Serebrov', locale: 'ru', silver: true },
  { name: 'Andrei Argint', locale: 'ro', silver: true },
  { name: 'Costel Bronz', locale: 'ro', silver: false },
  { name: 'Dasha Bronzova', locale: 'ru', silver: false },
  { name: 'Emma Bronze', locale: 'en', silver: false },
];

let world: MembersWorld;
let quizId = '';
const memberIds: Record<string, string> = {};

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const preview = (page: Page) => page.getByRole('complementary', { name: 'Who matches' });
const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

async function signedIn(person: { name: string; email: string; password: string }, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  return page;
}

async function toSegments(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Segments' }).click();
  await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
}

/** The count the panel shows once the latest count has answered (an older one may have read the same). */
async function counted(page: Page, text: string): Promise<void> {
  await page.locator('aside[aria-busy="false"]').waitFor({ state: 'attached' });
  await preview(page).getByRole('status').filter({ hasText: text }).waitFor();
}

async function sampleNames(page: Page): Promise<string[]> {
  const table = preview(page).getByRole('table', { name: 'Newest members matching' });
  return (await table.getByRole('link').allTextContents()).sort();
}

async function newSegment(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'New segment' }).click();
  await page.getByRole('heading', { name: 'New segment', level: 1 }).waitFor();
  await counted(page, `${MEMBERS.length} members match`);
}

/** A contest Ana entered (her picture rejected) and a draw Boris holds an entry in and Costel's was withdrawn from. */
async function seedContestAndDraw(): Promise<void> {
  const { prisma } = world.app.db;
  const at = (days: number) => new Date(CLOCK_START + days * 86_400_000);
  for (const [id, en] of [
    ['contest-summer', 'Summer photos'],
    ['contest-gone', 'Drawings, cancelled'],
  ] as const)
    await prisma.contest.create({
      data: {
        id,
        title: JSON.stringify({ en }),
        submissionsOpenAt: at(0),
        submissionsCloseAt: at(10),
        votingOpensAt: at(10),
        votingClosesAt: at(20),
        prizes: '[]',
        seed: 'seed',
        createdAt: at(0),
      },
    });
  await prisma.contestEntry.create({
    data: {
      id: 'entry-ana',
      contestId: 'contest-summer',
      memberId: memberIds['Ana Argint']!,
      pictureId: 'picture-ana',
      status: 'rejected',
      submittedAt: at(1),
    },
  });
  await prisma.draw.create({
    data: {
      id: 'draw-autumn',
      title: JSON.stringify({ en: 'Autumn prize draw' }),
      prizes: '[]',
      entryKind: 'purchase',
      entry: '{}',
      opensAt: at(0),
      closesAt: at(30),
      drawAt: at(31),
      seed: 'seed',
      commitment: 'commitment',
      createdAt: at(0),
    },
  });
  for (const [name, withdrawnAt] of [
    ['Boris Serebrov', null],
    ['Costel Bronz', at(2)],
  ] as const)
    await prisma.drawEntry.create({
      data: {
        id: `draw-${name}`,
        drawId: 'draw-autumn',
        memberId: memberIds[name]!,
        source: `purchase:${name}:1`,
        withdrawnAt,
        createdAt: at(1),
      },
    });
}

async function listedCount(page: Page, name: string): Promise<string> {
  const row = page.getByRole('table', { name: 'Saved segments' }).getByRole('row').filter({ hasText: name });
  await row.locator('[aria-busy="false"]').waitFor();
  return (await row.getByRole('cell').nth(1).textContent()) ?? '';
}

async function savedSegments(): Promise<{ id: string; name: string; filters: Record<string, unknown> }[]> {
  return (await world.admin('GET', '/api/v1/segments')).body.segments;
}

describe.skipIf(skipBrowserTests)(`the segments pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startMembersWorld();
    await world.invite('marketer', MARKETER);
    await world.invite('support', SUPPORT);
    for (const [i, member] of MEMBERS.entries()) {
      const { name, locale } = member;
      const enrolled = await world.admin('POST', '/api/v1/members', {
        phone: `+3736920000${i}`,
        name,
        locale,
        consent: true,
      });
      if (enrolled.status !== 201) throw new Error(`enrol: ${JSON.stringify(enrolled.body)}`);
      memberIds[name] = enrolled.body.id;
      // Ana alone said yes to news and offers (in her chat; written here as the chat stores it).
      if (i === 0)
        await createMarketingConsentStore(world.app.db).record(enrolled.body.id, {
          optedIn: true,
          textVersion: 'test',
          source: 'registration',
          at: new Date(CLOCK_START),
        });
      if (!member.silver) continue;
      const bought = await world.admin('POST', '/api/v1/purchases', {
        member: { card: enrolled.body.cardNumber },
        amount: 600_000,
        receiptId: `S-${i}`,
      });
      if (bought.status !== 201) throw new Error(`purchase: ${JSON.stringify(bought.body)}`);
    }
    const quiz = await world.admin('POST', '/api/v1/quizzes', {
      title: { en: 'Coffee origins', ro: 'Originea cafelei', ru: 'Откуда кофе' },
      questions: [{ text: { en: 'Where from?' }, options: [{ en: 'A' }, { en: 'B' }], correct: [0] }],
      pointsPerCorrect: 1,
      perfectBonus: 0,
      secondsPerQuestion: 30,
      opensAt: new Date(CLOCK_START).toISOString(),
      closesAt: new Date(CLOCK_START + 30 * 86_400_000).toISOString(),
      published: true,
    });
    if (quiz.status !== 201) throw new Error(`quiz: ${JSON.stringify(quiz.body)}`);
    quizId = quiz.body.id;
    await seedContestAndDraw();
  }, 90_000);

  afterEach(async () => {
    await world.closePages();
  });

  afterAll(async () => {
    await world?.stop();
  });

  // The tests share one application, in this order: the segment saved in the first is edited, then deleted.
  it('builds a segment by ticking a tier and a language, the count and the newest members following', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await page.getByText('No segments yet.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await newSegment(page);
    await page.getByText('A member who never bought', { exact: false }).waitFor();
    await group(page, 'Tier').getByLabel('Silver').check();
    await counted(page, '3 members match');
    await group(page, 'Language').getByLabel('Romanian').check();
    await counted(page, '2 members match');
    await counted(page, '1 of them agreed to news and offers');
    expect(await sampleNames(page)).toEqual(['Ana Argint', 'Andrei Argint']);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Name', { exact: true }).fill('Silver Romanians');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByText('The segment “Silver Romanians” is saved.').waitFor();
    expect(await listedCount(page, 'Silver Romanians')).toBe('2 members');
    expect((await savedSegments()).map((segment) => [segment.name, segment.filters])).toEqual([
      ['Silver Romanians', { tiers: ['silver'], locales: ['ro'] }],
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('edits the saved segment, its filters shown as saved, and lists the new count', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await page.getByRole('link', { name: 'Edit “Silver Romanians”' }).click();
    await page.getByRole('heading', { name: 'Edit “Silver Romanians”', level: 1 }).waitFor();
    await counted(page, '2 members match');
    expect(await group(page, 'Tier').getByLabel('Silver').isChecked()).toBe(true);
    expect(await group(page, 'Language').getByLabel('Romanian').isChecked()).toBe(true);

    await group(page, 'Language').getByLabel('Russian').check();
    await counted(page, '3 members match');
    expect(await sampleNames(page)).toEqual(['Ana Argint', 'Andrei Argint', 'Boris Serebrov']);
    await page.getByLabel('Name', { exact: true }).fill('Silver, ro or ru');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByText('The segment “Silver, ro or ru” is saved.').waitFor();
    expect(await listedCount(page, 'Silver, ro or ru')).toBe('3 members');
    expect((await savedSegments()).map((segment) => segment.filters)).toEqual([
      { tiers: ['silver'], locales: ['ru', 'ro'] },
    ]);
  });

  it('reads lifetime spend in lei and sends it in bani', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await newSegment(page);
    const spend = group(page, 'Lifetime spend, MDL');
    await spend.getByLabel('At least').fill('6000');
    await counted(page, '3 members match');
    await spend.getByLabel('At least').fill('6000.01');
    await counted(page, '0 members match');
    await preview(page).getByText('No member matches these filters.').waitFor();
  });

  it('picks members by the group of their latest NPS answer', async () => {
    // Boris and Costel answered NPS (written here as the survey stores their latest answer's group).
    const groups = { 'Boris Serebrov': 'promoter', 'Costel Bronz': 'detractor' };
    for (const [name, npsGroup] of Object.entries(groups))
      await world.app.db.prisma.member.updateMany({ where: { name }, data: { npsGroup } });
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await newSegment(page);
    const nps = group(page, 'NPS group (latest answer)');
    await nps.getByLabel('Promoters, 9–10').check();
    await counted(page, '1 member matches');
    expect(await sampleNames(page)).toEqual(['Boris Serebrov']);
    await nps.getByLabel('Detractors, 0–6').check();
    await counted(page, '2 members match');
    expect(await sampleNames(page)).toEqual(['Boris Serebrov', 'Costel Bronz']);
    await nps.getByLabel('Passives, 7–8').check();
    await nps.getByLabel('Promoters, 9–10').uncheck();
    await nps.getByLabel('Detractors, 0–6').uncheck();
    await counted(page, '0 members match');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('picks who entered a contest or a prize draw by its title, a withdrawn draw entry not counting', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await newSegment(page);
    await page.getByText('whether it was approved, rejected or is still waiting', { exact: false }).waitFor();
    await page.getByLabel('Entered a contest').selectOption({ label: 'Summer photos' });
    await counted(page, '1 member matches');
    expect(await sampleNames(page)).toEqual(['Ana Argint']);
    await page.getByLabel('Entered a contest').selectOption([]);
    await page.getByLabel('Entered a prize draw').selectOption({ label: 'Autumn prize draw' });
    await counted(page, '1 member matches');
    expect(await sampleNames(page)).toEqual(['Boris Serebrov']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says at its field that a contest chosen was deleted meanwhile, and counts again once it is unselected', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await newSegment(page);
    await world.app.db.prisma.contest.delete({ where: { id: 'contest-gone' } });
    const contests = page.getByLabel('Entered a contest');
    await contests.selectOption({ label: 'Drawings, cancelled' });
    await counted(page, 'Fix the fields marked to count the members.');
    await page.getByText('This contest no longer exists; unselect it.').waitFor();
    expect(await contests.getAttribute('aria-invalid')).toBe('true');
    await contests.selectOption([]);
    await counted(page, `${MEMBERS.length} members match`);
    expect(await contests.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a taken name and a bad bound at their fields, and saves nothing', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await newSegment(page);
    const days = group(page, 'Days since last purchase');
    await days.getByLabel('At least').fill('-1');
    await counted(page, 'Fix the fields marked to count the members.');
    await days.getByText('At least 0.').waitFor();
    expect(await days.getByLabel('At least').getAttribute('aria-invalid')).toBe('true');
    await days.getByLabel('At least').fill('');
    await counted(page, `${MEMBERS.length} members match`);
    expect(await days.getByLabel('At least').getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Played a quiz').selectOption(quizId);
    await counted(page, '0 members match');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Silver, ro or ru');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByText('Another segment has this name. Choose another.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await savedSegments()).length).toBe(1);
  });

  it('keeps the newest count when an older one answers late', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    await newSegment(page);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const silverOnly = (body: string | null) => body === JSON.stringify({ filters: { tiers: ['silver'] } });
    await page.route('**/api/v1/segments/count', async (route) => {
      if (!silverOnly(route.request().postData())) return route.continue();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const asked = page.waitForRequest((request) => request.url().endsWith('/count') && silverOnly(request.postData()));
    await group(page, 'Tier').getByLabel('Silver').check();
    await asked;
    await group(page, 'Language').getByLabel('Romanian').check();
    await counted(page, '2 members match');
    // Every count the panel shows from now on, to tell afterwards whether the late one ever showed.
    await preview(page).evaluate((panel) => {
      const status = panel.querySelector('[role="status"]')!;
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      new MutationObserver(() => shown.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const late = page.waitForResponse((response) => silverOnly(response.request().postData()));
    release();
    await late;
    // A count asked after the late answer arrived: once it is shown, the late one has been handled too.
    await group(page, 'Language').getByLabel('English').check();
    await counted(page, '2 members match');
    expect(await sampleNames(page)).toEqual(['Ana Argint', 'Andrei Argint']);
    const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
    expect(shown.some((text) => text.startsWith('3 members match'))).toBe(false);
    expect(shown.at(-1)?.startsWith('2 members match')).toBe(true);
  });

  it('opens a member of the sample on their own page, and fits a 390 px phone', async () => {
    const page = await signedIn(MARKETER, 390);
    await toSegments(page);
    await newSegment(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await group(page, 'Birthday month').getByLabel('March').waitFor();
    await preview(page).getByRole('link', { name: 'Emma Bronze' }).click();
    await page.getByRole('heading', { name: 'Emma Bronze', level: 1 }).waitFor();
  });

  it('deletes the segment once the marketer confirms, and lists none', async () => {
    const page = await signedIn(MARKETER);
    await toSegments(page);
    const remove = page.getByRole('button', { name: 'Delete “Silver, ro or ru”' });
    page.once('dialog', (dialog) => void dialog.dismiss());
    await remove.click();
    await page.getByRole('table', { name: 'Saved segments' }).waitFor();
    expect((await savedSegments()).length).toBe(1);

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Delete the segment “Silver, ro or ru”? Its members are not affected.');
      void dialog.accept();
    });
    await remove.click();
    await page.getByText('The segment “Silver, ro or ru” is deleted.').waitFor();
    await page.getByText('No segments yet.', { exact: false }).waitFor();
    expect(await savedSegments()).toEqual([]);
  });

  it('is not offered to support, whose role may not choose members to write to', async () => {
    const page = await signedIn(SUPPORT);
    expect(await nav(page).getByRole('link').allTextContents()).not.toContain('Segments');
    await page.goto(`${world.url}/admin#/segments`);
    await page.getByRole('heading', { name: `Welcome, ${SUPPORT.name}` }).waitFor();
  });
});
