// The campaign pages in Chromium: a marketer makes a segment, writes a
// campaign to it in three languages with a button, watches the preview and
// the character counts, meets an unknown placeholder and a text too long
// for a caption at their fields, saves a draft and starts it; the report's
// counts add up and its progress bar reaches the segment as members in the
// web chat get the message; it is paused and resumed; another is scheduled
// on the programme's clock and cancelled once confirmed; Russian and
// Romanian plurals; a viewer has no such section. axe-core checks the pages
// at desktop and phone widths.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { startCampaignsWorld, type CampaignsWorld } from './campaignsWorld.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';

const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const TRANSLATOR = { name: 'Mihaela', email: 'mihaela@shop.md', password: 'marketer password 456' };
const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };
/** Who joins in the web chat, in this order, and whether they agree to news and offers. */
const MEMBERS = [
  { name: 'Ana', phone: '+37369300001', locale: 'ro', offers: true },
  { name: 'Boris', phone: '+37369300002', locale: 'ru', offers: true },
  { name: 'Clara', phone: '+37369300003', locale: 'en', offers: true },
  { name: 'Dan', phone: '+37369300004', locale: 'en', offers: true },
  { name: 'Elena', phone: '+37369300005', locale: 'ro', offers: false },
  { name: 'Fiodor', phone: '+37369300006', locale: 'ru', offers: false },
] as const;
const OPTED_IN = MEMBERS.filter((member) => member.offers).length;
const LANGUAGE = { ru: 'Russian', ro: 'Romanian', en: 'English' } as const;
/** The counts the report lists, as it names them; all but the receipts add up to the segment. */
const ADDING_UP = [
  'Not opted in',
  'Held out',
  'Capped',
  'Muted this category',
  'Queued',
  'Sent',
  'Failed',
  'Unreachable',
  'Cancelled',
];

let world: CampaignsWorld;
let campaignId = '';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });
const preview = (page: Page) => page.getByRole('complementary', { name: 'Preview' });

async function signedIn(person: { name: string; email: string; password: string }, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  return page;
}

async function toCampaigns(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
}

async function newCampaign(page: Page): Promise<void> {
  await toCampaigns(page);
  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByRole('heading', { name: 'New campaign', level: 1 }).waitFor();
}

/** Types a text in the languages given, into the fieldset that holds it. */
async function write(scope: Locator, texts: Partial<Record<keyof typeof LANGUAGE, string>>): Promise<void> {
  for (const [locale, text] of Object.entries(texts))
    await scope.getByLabel(LANGUAGE[locale as keyof typeof LANGUAGE], { exact: true }).fill(text);
}

/** The preview once the latest ask has answered. */
async function previewed(page: Page, text: string): Promise<void> {
  await page.locator('aside[aria-busy="false"]').waitFor({ state: 'attached' });
  await preview(page).getByText(text, { exact: false }).first().waitFor();
}

/** A table's rows as a reader meets them: cells joined by " | ". */
async function rowTexts(table: Locator): Promise<string[]> {
  return table.locator('tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children)
        .map((cell) => (cell.textContent ?? '').trim())
        .join(' | '),
    ),
  );
}

/** The character count a language's box shows under it (and tells a screen reader of). */
async function counterOf(text: Locator, locale: keyof typeof LANGUAGE): Promise<string> {
  return text.getByLabel(LANGUAGE[locale], { exact: true }).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
    return ids.map((id) => document.getElementById(id)).find((node) => node?.classList.contains('campaign__counter'))!
      .textContent!;
  });
}

/** The report's counts by name. */
async function counts(page: Page): Promise<Record<string, number>> {
  const rows = await page
    .getByRole('table', { name: 'Where the messages stand' })
    .locator('tbody tr')
    .evaluateAll((lines) =>
      lines.map((line) => [
        line.querySelector('.campaign__count-name')!.textContent ?? '',
        line.children[1]!.textContent ?? '',
      ]),
    );
  return Object.fromEntries(rows.map(([name, count]) => [name, Number(count!.replace(/\D/g, ''))]));
}

describe.skipIf(skipBrowserTests)(`the campaign pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startCampaignsWorld();
    await world.invite('marketer', MARKETER);
    await world.invite('marketer', TRANSLATOR);
    await world.invite('viewer', VIEWER);
    for (const member of MEMBERS) await world.joins(member.name, member.phone, member.locale, member.offers);
    // An automatic message is a campaign row of its own, switched on and off as such: not one the list shows.
    const automatic = await world.admin('PUT', '/api/v1/automations/welcome-0', {
      enabled: false,
      messages: { en: 'Welcome, {name}!' },
    });
    if (automatic.status !== 200) throw new Error(`automation: ${JSON.stringify(automatic.body)}`);
  }, 90_000);

  afterEach(async () => {
    await world.closePages();
  });

  afterAll(async () => {
    await world?.stop();
  });

  // The tests share one application, in this order: the campaign written in the first is started in the second.
  it('writes a campaign to a new segment, previewed in each language, its text problems shown at their fields', async () => {
    const page = await signedIn(MARKETER);
    await toCampaigns(page);
    await page.getByText('No campaigns yet.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The segment, made in its own section: no filter, every member.
    await nav(page).getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Everyone');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByText('The segment “Everyone” is saved.').waitFor();

    await newCampaign(page);
    await page.getByLabel('Name (staff only)').fill('Spring offer');
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Everyone' });
    await page
      .getByText(`${MEMBERS.length} members match now. ${OPTED_IN} of them agreed to news and offers`)
      .waitFor();
    expect(await page.getByLabel('Category').inputValue()).toBe('offers');
    expect(await page.getByLabel('Holdout group, % of the segment').inputValue()).toBe('10');
    expect(await page.getByLabel('Days the results count').inputValue()).toBe('7');
    await page.getByText("the member's name", { exact: false }).waitFor();

    const text = group(page, 'Text');
    await write(text, {
      en: '{name}, you have {balance} points: a coffee at half price.',
      ru: '{name}, у вас {balance} баллов: кофе за полцены.',
      ro: '{nmae}, aveți {balance} puncte: cafea la jumătate de preț.',
    });
    expect(await counterOf(text, 'en')).toBe('58 characters');
    expect(await counterOf(text, 'ru')).toBe('48 characters');
    await text.getByText('{nmae} is not a placeholder. Use {name}, {balance} or {tier}.').waitFor();
    expect(await text.getByLabel('Romanian', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // The newest member of the segment reads it.
    await previewed(page, 'Fiodor, you have 0 points: a coffee at half price.');
    await preview(page).getByRole('article', { name: 'Russian' }).getByText('Fiodor, у вас 0 баллов').waitFor();

    await page.getByRole('button', { name: 'Add a button' }).click();
    const button = group(page, 'Button 1');
    await write(group(button, 'Label'), { en: 'My balance', ru: 'Мой баланс', ro: 'Soldul meu' });
    expect(await button.getByLabel('What it does').inputValue()).toBe('menu');
    expect(await button.getByLabel('Screen').inputValue()).toBe('balance');
    await previewed(page, 'My balance');
    const labels = preview(page).getByRole('article', { name: 'English' }).getByRole('list', { name: 'Buttons' });
    expect(await labels.getByRole('listitem').allTextContents()).toEqual(['My balance', '🔕 Stop these messages']);
    expect(await seriousViolations(page)).toEqual([]);

    // Refused as it is: the API's own check of the placeholder, worded at the field; nothing kept.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Nothing was saved. Fix the fields marked.').waitFor();
    await text.getByText('{nmae} is not a placeholder.', { exact: false }).waitFor();
    expect(await world.app.db.prisma.campaign.count({ where: { segmentId: { not: null } } })).toBe(0);

    // Under a picture Telegram takes a caption of 1,024 characters.
    await write(text, { ro: '{name}, aveți {balance} puncte: cafea la jumătate de preț.', en: 'a'.repeat(1_000) });
    await page.getByLabel('Picture (https address, optional)').fill('https://shop.example/coffee.png');
    await write(text, { en: `${'a'.repeat(1_000)} {name}` });
    await text
      .getByText('Too long for Telegram: 1,061 characters with the placeholders at their longest; it takes 1,024.')
      .waitFor();
    expect(await text.getByLabel('English', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await text.getByLabel('Romanian', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await previewed(page, 'Picture: https://shop.example/coffee.png');
    expect(await seriousViolations(page)).toEqual([]);

    await write(text, { en: '{name}, you have {balance} points: a coffee at half price.' });
    await text.getByText('Too long for Telegram', { exact: false }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('The draft is saved.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Edit “Spring offer”', level: 1 }).waitFor();
    campaignId = /#\/campaigns\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
    const saved = (await world.admin('GET', `/api/v1/campaigns/${campaignId}`)).body;
    expect(saved).toMatchObject({
      name: 'Spring offer',
      status: 'draft',
      category: 'offers',
      imageUrl: 'https://shop.example/coffee.png',
      holdoutPercent: 10,
      resultDays: 7,
      sendAt: null,
      buttons: [
        {
          label: { en: 'My balance', ru: 'Мой баланс', ro: 'Soldul meu' },
          action: { kind: 'menu', action: 'balance' },
        },
      ],
    });
    expect(saved.messages.ro).toBe('{name}, aveți {balance} puncte: cafea la jumătate de preț.');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('starts the campaign: the counts add up, the progress bar reaches the segment, and it pauses and resumes', async () => {
    const page = await signedIn(MARKETER);
    await toCampaigns(page);
    expect(await rowTexts(page.getByRole('table', { name: 'All campaigns, newest first' }))).toEqual([
      'Name | Status | Segment | Written | Started',
      expect.stringMatching(/^Spring offer \| Draft \| Everyone \| .+ \| not started$/),
    ]);
    await page.getByRole('link', { name: 'Spring offer' }).click();
    await page.getByRole('heading', { name: 'Edit “Spring offer”', level: 1 }).waitFor();
    await previewed(page, 'Fiodor, you have 0 points');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Started: the messages are going out.').waitFor();
    await page.getByRole('heading', { name: 'Spring offer', level: 1 }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/campaigns/${campaignId}$`));

    // Refreshed every few seconds while it sends, until every member is decided.
    const bar = page.getByRole('progressbar', { name: 'Progress' });
    await expect
      .poll(() => bar.evaluate((node: HTMLProgressElement) => [node.value, node.max]), { timeout: 20_000 })
      .toEqual([MEMBERS.length, MEMBERS.length]);
    const figures = await counts(page);
    expect(figures).toMatchObject({ Segment: MEMBERS.length, 'Not opted in': MEMBERS.length - OPTED_IN, Queued: 0 });
    expect(ADDING_UP.map((name) => figures[name]!).reduce((a, b) => a + b, 0)).toBe(figures.Segment);
    expect(figures['Held out']! + figures.Sent!).toBe(OPTED_IN);
    await page.getByText(`Decided for ${MEMBERS.length} of ${MEMBERS.length} members; ${figures.Sent} sent.`).waitFor();
    // What the report says was sent is what reached the web chat's inboxes.
    expect(await world.app.db.prisma.outboxMessage.count({ where: { campaignId, status: 'sent' } })).toBe(figures.Sent);
    expect(await seriousViolations(page)).toEqual([]);

    // A recipient buys while the report is open: the results follow without a reload.
    const recipient = await world.app.db.prisma.campaignRecipient.findFirstOrThrow({
      where: { campaignId, outcome: 'queued' },
    });
    const { cardNumber } = await world.app.db.prisma.member.findUniqueOrThrow({ where: { id: recipient.memberId } });
    const bought = await world.admin('POST', '/api/v1/purchases', {
      member: { card: cardNumber },
      amount: 12_345,
      receiptId: 'spring-1',
    });
    expect(bought.status).toBe(201);
    const results = page.getByRole('table', { name: 'Purchase rate, recipients against the holdout group' });
    const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
    const lei = new Intl.NumberFormat('en', { style: 'currency', currency: 'MDL' }).format(123.45);
    await results.getByRole('cell', { name: lei }).waitFor({ timeout: 20_000 });
    const holdoutRate = figures['Held out'] === 0 ? '—' : '0%';
    expect(await rowTexts(results)).toEqual([
      'Group | Members who bought | Purchase rate | Spend | Points redeemed',
      `Recipients | 1 | ${percent.format(1 / figures.Sent!)} | ${lei} | 0`,
      `Holdout group | 0 | ${holdoutRate} | ${new Intl.NumberFormat('en', { style: 'currency', currency: 'MDL' }).format(0)} | 0`,
    ]);
    const { purchases } = (await world.admin('GET', `/api/v1/campaigns/${campaignId}/stats`)).body;
    const points = (share: number) =>
      `${new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(share * 100)} pp`;
    await page
      .getByText(
        purchases.lift === null
          ? 'No lift can be measured: the campaign has no holdout group.'
          : `Lift: ${points(purchases.lift)} (95% interval ${points(purchases.ci95[0])} to ${points(purchases.ci95[1])}).`,
      )
      .waitFor();

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Paused: the messages not yet sent wait until it is resumed.').waitFor();
    await page.getByRole('definition').filter({ hasText: 'Paused' }).waitFor();
    expect((await world.admin('GET', `/api/v1/campaigns/${campaignId}`)).body.status).toBe('paused');
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    // Every message had gone out before the pause: resumed, the campaign is over, and nothing more can be done to it.
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText('Resumed: every message had already gone out, so the campaign is sent.').waitFor();
    await page.getByRole('definition').filter({ hasText: 'Sent' }).waitFor();
    expect((await world.admin('GET', `/api/v1/campaigns/${campaignId}`)).body.status).toBe('done');
    for (const name of ['Pause', 'Resume', 'Cancel the campaign…'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await counts(page)).toEqual(figures);
  });

  it('schedules a campaign on the programme’s clock, asks for the time it needs, and cancels it once confirmed', async () => {
    const page = await signedIn(MARKETER);
    await newCampaign(page);
    await page.getByLabel('Name (staff only)').fill('Easter greetings');
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Everyone' });
    await page.getByLabel('Category').selectOption({ label: 'Holiday greetings' });
    await write(group(page, 'Text'), { en: 'Happy Easter, {name}!' });
    await page.getByLabel('At a set time').check();
    const at = page.getByLabel('Date and time');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Choose a date and time.').waitFor();
    expect(await at.getAttribute('aria-invalid')).toBe('true');
    expect(await at.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await world.app.db.prisma.campaign.count({ where: { segmentId: { not: null } } })).toBe(1);

    // 10:00 in Chisinau (UTC+2 until the end of March), typed in a browser that keeps India's time.
    await at.fill('2025-03-13T10:00');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Scheduled: it starts at the time set.').waitFor();
    await page.getByRole('heading', { name: 'Easter greetings', level: 1 }).waitFor();
    const id = /#\/campaigns\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    expect((await world.admin('GET', `/api/v1/campaigns/${id}`)).body).toMatchObject({
      status: 'scheduled',
      category: 'holidays',
      sendAt: '2025-03-13T08:00:00.000Z',
      messages: { en: 'Happy Easter, {name}!' },
      buttons: [],
      imageUrl: null,
    });
    await page.getByRole('definition').filter({ hasText: 'Mar 13, 2025, 10:00 AM' }).waitFor();
    await page.getByText('Scheduled: the figures fill in once its time comes.').waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Still changeable until its time, on the same clock.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit “Easter greetings”', level: 1 }).waitFor();
    expect(await page.getByLabel('At a set time').isChecked()).toBe(true);
    expect(await page.getByLabel('Date and time').inputValue()).toBe('2025-03-13T10:00');
    expect(await page.getByRole('button', { name: 'Start' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The changes are saved.').waitFor();
    await page.getByRole('link', { name: 'The campaign’s report' }).waitFor({ state: 'detached' });

    await page.goto(`${page.url().split('#')[0]}#/campaigns/${id}`);
    await page.getByRole('button', { name: 'Cancel the campaign…' }).click();
    await page.getByText('A cancelled campaign cannot be resumed.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect((await world.admin('GET', `/api/v1/campaigns/${id}`)).body.status).toBe('scheduled');
    await page.getByRole('button', { name: 'Cancel the campaign…' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('Cancelled: nothing more will be sent.').waitFor();
    await page.getByRole('definition').filter({ hasText: 'Cancelled' }).waitFor();
    expect((await world.admin('GET', `/api/v1/campaigns/${id}`)).body.status).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Cancel the campaign…' }).count()).toBe(0);

    await page.getByRole('link', { name: '← All campaigns' }).click();
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    expect(await rowTexts(page.getByRole('table', { name: 'All campaigns, newest first' }))).toEqual([
      'Name | Status | Segment | Written | Started',
      expect.stringMatching(/^Easter greetings \| Cancelled \| Everyone \| .+ \| not started$/),
      expect.stringMatching(/^Spring offer \| Sent \| Everyone \| .+ \| Mar 12, 2025, 10:\d\d AM$/),
    ]);
  });

  it('speaks Russian and Romanian, with each language’s plural forms', async () => {
    const page = await signedIn(TRANSLATOR);
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('navigation').getByRole('link', { name: 'Рассылки' }).click();
    await page.getByRole('heading', { name: 'Рассылки', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Spring offer' }).click();
    await page.getByText(/^Решено для 6 из 6 участников; отправлено: \d\.$/).waitFor();
    await page.getByText('контрольная группа 10%; покупки за 7 дней').waitFor();

    await page.getByRole('link', { name: '← Все рассылки' }).click();
    await page.getByRole('link', { name: 'Новая рассылка' }).click();
    await page.getByLabel('Сегмент', { exact: true }).selectOption({ label: 'Everyone' });
    await page.getByText(`Сейчас подходят 6 участников. Из них ${OPTED_IN} согласились`, { exact: false }).waitFor();
    const russian = group(page, 'Текст').getByLabel('Русский', { exact: true });
    for (const [length, text] of [
      [21, '21 символ'],
      [3, '3 символа'],
      [5, '5 символов'],
    ] as const) {
      await russian.fill('а'.repeat(length));
      await group(page, 'Текст').getByText(text, { exact: true }).waitFor();
    }
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Язык').selectOption('ro');
    await page.getByRole('heading', { name: 'Campanie nouă', level: 1 }).waitFor();
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Everyone' });
    await page.getByText(`Acum corespund 6 membri. Dintre ei, ${OPTED_IN} au acceptat`, { exact: false }).waitFor();
    const romanian = group(page, 'Text').getByLabel('Română', { exact: true });
    for (const [length, text] of [
      [1, '1 caracter'],
      [3, '3 caractere'],
      [20, '20 de caractere'],
    ] as const) {
      await romanian.fill('a'.repeat(length));
      await group(page, 'Text').getByText(text, { exact: true }).waitFor();
    }
    await page.getByRole('link', { name: '← Toate campaniile' }).click();
    await page.getByRole('link', { name: 'Spring offer' }).click();
    await page.getByText(/^Decis pentru 6 din 6 membri; trimise: \d\.$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits a 390 px phone, the editor and the report alike', async () => {
    const page = await signedIn(MARKETER, 390);
    await newCampaign(page);
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Everyone' });
    await write(group(page, 'Text'), { ro: '{name}, aveți {balance} puncte.' });
    await page.getByRole('button', { name: 'Add a button' }).click();
    await previewed(page, 'Fiodor, aveți 0 puncte.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${page.url().split('#')[0]}#/campaigns/${campaignId}`);
    await page.getByRole('table', { name: 'Where the messages stand' }).waitFor();
    await page.getByRole('table', { name: 'Purchase rate, recipients against the holdout group' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is not offered to a viewer, whose role may not write to members', async () => {
    const page = await signedIn(VIEWER);
    expect(await nav(page).getByRole('link').allTextContents()).not.toContain('Campaigns');
    await page.goto(`${page.url().split('#')[0]}#/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: `Welcome, ${VIEWER.name}` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Spring offer' }).count()).toBe(0);
  });
});
