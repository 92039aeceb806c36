// The members pages: search by name, phone in another spelling and card
// number, paged; a member's page with their ledger, purchases and a refund,
// their ticket linked into the desk; a points adjustment recorded once for a
// double submit, its validation shown at the field; the data exported as a
// file and erased for good; each role seeing only what it may use. axe-core
// checks the search page and the member's page at desktop and phone widths.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import type { Json, Session } from './consoleCalls.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';
import { MEMBERS_OWNER, startMembersWorld, type MembersWorld } from './membersWorld.ts';

const SUPPORT = { name: 'Mihai', email: 'mihai@shop.md', password: 'support password 123' };
const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };
const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const ZAMFIRA = { name: 'Zamfira Lungu', phone: '+37369123456' };
/** More members named Rusu than one page of results holds. */
const RUSU =
  'Ana Boris Costel Dorin Elena Florin Gelu Horia Ilie Jana Lia Mircea Nelu Oana Petru Radu Sanda Tudor Ursu Vlad Xenia Yana Zina'
    .split(' ')
    .map((first) => `${first} Rusu`);

let world: MembersWorld;
const sessions: Record<string, Session> = {};
let zamfira: { id: string; cardNumber: string };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const grouped = (card: string) => card.replace(/(\d{4})(?=\d)/g, '$1 ');
const points = (count: number) => `${count} ${count === 1 ? 'point' : 'points'}`;

async function signedIn(person: { name: string; email: string; password: string }, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  return page;
}

async function toMembers(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Members', exact: true }).click();
  await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
}

async function search(page: Page, query: string): Promise<void> {
  await page.getByLabel('Name, phone or card number').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  // The count of the previous search may read the same; the list says when this one has answered.
  await page.locator('ul[aria-busy="false"]').waitFor({ state: 'attached' });
}

async function openZamfira(page: Page): Promise<void> {
  await toMembers(page);
  await search(page, 'lungu');
  await page.getByRole('link', { name: /^Zamfira Lungu/ }).click();
  await page.getByRole('heading', { name: ZAMFIRA.name, level: 1 }).waitFor();
}

async function ledgerOf(id: string): Promise<Json[]> {
  return (await world.admin('GET', `/api/v1/members/${id}/ledger?limit=100`)).body.entries;
}

const fact = (page: Page, key: string) => page.locator(`dd[data-fact="${key}"]`);

describe.skipIf(skipBrowserTests)(`the members pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startMembersWorld();
    sessions.support = await world.invite('support', SUPPORT);
    sessions.viewer = await world.invite('viewer', VIEWER);
    sessions.marketer = await world.invite('marketer', MARKETER);
    for (const [i, name] of RUSU.entries()) {
      const phone = `+373695000${i + 10}`;
      const enrolled = await world.admin('POST', '/api/v1/members', { phone, name, locale: 'ro', consent: true });
      if (enrolled.status !== 201) throw new Error(`enrol: ${JSON.stringify(enrolled.body)}`);
    }
    // Joins in the web chat and asks for a person: a linked chat, a consent record and a ticket.
    await world.webVisitor(ZAMFIRA.name, ZAMFIRA.phone);
    const found = await world.admin('GET', '/api/v1/members/search?q=lungu');
    zamfira = found.body.members[0];
    for (const receiptId of ['R-1001', 'R-1002']) {
      const bought = await world.admin('POST', '/api/v1/purchases', {
        member: { card: zamfira.cardNumber },
        amount: 20_000,
        receiptId,
      });
      if (bought.status !== 201) throw new Error(`purchase: ${JSON.stringify(bought.body)}`);
      if (receiptId === 'R-1002') await world.admin('POST', `/api/v1/purchases/${bought.body.purchaseId}/refund`);
    }
  }, 90_000);

  afterEach(async () => {
    await world.closePages();
  });

  afterAll(async () => {
    await world?.stop();
  });

  // The tests share one application, in this order: the member adjusted in one is erased in the last.
  it('finds a member by name, by phone in another spelling and by card number, and says when none matches', async () => {
    const page = await signedIn(MEMBERS_OWNER);
    await toMembers(page);
    expect(await seriousViolations(page)).toEqual([]);
    const { balance } = (await world.admin('GET', `/api/v1/members/${zamfira.id}/profile`)).body.member;
    const line = `Card ${grouped(zamfira.cardNumber)} · •••• 3456 · Bronze · ${points(balance)}`;
    for (const query of ['LUNG', '069 12 34 56', '(0)69-123-456', zamfira.cardNumber, grouped(zamfira.cardNumber)]) {
      await search(page, query);
      await page.getByText('1 member shown').waitFor();
      const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
      expect(await results.count(), query).toBe(1);
      expect(await results.first().textContent(), query).toBe(`${ZAMFIRA.name}${line}`);
    }
    expect(page.url()).toContain(`#/members?q=${encodeURIComponent(grouped(zamfira.cardNumber))}`);
    expect(await seriousViolations(page)).toEqual([]);

    await search(page, 'Nobody Atall');
    await page.getByText('No member matches “Nobody Atall”.').waitFor();
    expect(await page.getByRole('list', { name: 'Search results' }).getByRole('link').count()).toBe(0);
  });

  it('pages through many results with More, each member once, at 390 px', async () => {
    const page = await signedIn(MEMBERS_OWNER, 390);
    await toMembers(page);
    await search(page, 'rusu');
    await page.getByText('20 members shown').waitFor();
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
    expect(await results.count()).toBe(20);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByText(`${RUSU.length} members shown`).waitFor();
    expect(await page.locator('.members__name').allTextContents()).toEqual(RUSU);
    expect(await page.getByRole('button', { name: 'More', exact: true }).isHidden()).toBe(true);
  });

  it("shows a member's page: card, tier, points, ledger, purchases with the refund, the ticket, chat and consent", async () => {
    for (const width of [1280, 390]) {
      const page = await signedIn(MEMBERS_OWNER, width);
      await openZamfira(page);
      const profile = (await world.admin('GET', `/api/v1/members/${zamfira.id}/profile`)).body;
      expect(await fact(page, 'card').textContent()).toBe(grouped(zamfira.cardNumber));
      expect(await fact(page, 'tier').textContent()).toBe('Bronze');
      expect(await fact(page, 'balance').textContent()).toBe(points(profile.member.balance));
      expect(await fact(page, 'spend').textContent()).toBe(
        new Intl.NumberFormat('en', { style: 'currency', currency: 'MDL' }).format(200),
      );
      expect(await fact(page, 'purchases').textContent()).toBe('1');

      const ledger = page.getByRole('table', { name: 'Points history' });
      for (const kind of ['welcome bonus', 'purchase', 'refund'])
        expect(await ledger.getByRole('cell', { name: kind, exact: true }).count(), kind).toBeGreaterThan(0);
      const purchases = page.getByRole('table', { name: 'Purchases' });
      const refunded = purchases.getByRole('row').filter({ hasText: 'R-1002' });
      await expect.poll(() => refunded.textContent()).toMatch(/refunded /);
      expect(await purchases.getByRole('row').filter({ hasText: 'R-1001' }).textContent()).not.toMatch(/refunded/);

      const consent = `Agreed to the programme terms on`;
      expect(await page.getByText(consent).textContent()).toContain(`text version ${profile.consent.version}.`);
      await page.getByText(/^Web chat in English, linked /).waitFor();
      await page.getByText('Open: 1, taken: 0, resolved: 0.').waitFor();
      expect(await seriousViolations(page), `${width} px`).toEqual([]);
      if (width === 390)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      else {
        await page.getByRole('link', { name: /^asked for a person, opened / }).click();
        await page.getByRole('heading', { name: 'Desk inbox', level: 1 }).waitFor();
        await page.getByRole('heading', { name: /^Ticket #/, level: 2 }).waitFor();
        expect(await page.locator('.desk__facts').textContent()).toContain(ZAMFIRA.name);
      }
    }
  });

  it('shows a missing reason at its field and records nothing', async () => {
    const page = await signedIn(MEMBERS_OWNER);
    await openZamfira(page);
    const before = await ledgerOf(zamfira.id);
    await page.getByLabel('Points (+ or −)').fill('25');
    await page.getByLabel('Reason (the member reads it)').fill('   ');
    await page.getByRole('button', { name: 'Record the adjustment' }).click();
    const reason = page.getByLabel('Reason (the member reads it)');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    const hint = await reason.getAttribute('aria-describedby');
    expect(await page.locator(`#${hint}`).textContent()).toBe('Say why: a reason is required (up to 500 characters).');
    expect(await page.getByLabel('Points (+ or −)').getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Points (+ or −)').fill('0');
    await reason.fill('Sorry for the wait');
    await page.getByRole('button', { name: 'Record the adjustment' }).click();
    const pointsField = page.getByLabel('Points (+ or −)');
    await expect.poll(() => pointsField.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Enter a whole number of points other than 0').waitFor();
    expect(await ledgerOf(zamfira.id)).toEqual(before);
  });

  it('records an adjustment once for a double submit, and the page shows the new balance and ledger line', async () => {
    const page = await signedIn(MEMBERS_OWNER);
    await openZamfira(page);
    const before = await ledgerOf(zamfira.id);
    const balance = before[0]!.balanceAfter as number;
    await page.getByLabel('Points (+ or −)').fill('25');
    await page.getByLabel('Reason (the member reads it)').fill('Sorry for the wait');
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/adjustments'))
        sent.push(request.headers()['idempotency-key'] ?? '');
    });
    // Two submits of the same form before the first answer: what a double click on a slow line sends.
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form.member__adjust')!;
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.getByText(`Recorded: +25 points. The balance is now ${points(balance + 25)}.`).waitFor();
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(1);
    const after = await ledgerOf(zamfira.id);
    expect(after.filter((entry) => entry.kind === 'adjustment')).toEqual([
      expect.objectContaining({ delta: 25, balanceAfter: balance + 25 }),
    ]);
    expect(after).toHaveLength(before.length + 1);
    expect(await fact(page, 'balance').textContent()).toBe(points(balance + 25));
    const newest = page.getByRole('table', { name: 'Points history' }).getByRole('row').nth(1);
    expect(await newest.textContent()).toContain('adjustment by hand+25 points');

    // The form drawn after the success is a new one: a second adjustment is recorded too.
    await page.getByLabel('Points (+ or −)').fill('-5');
    await page.getByLabel('Reason (the member reads it)').fill('Typo in the first one');
    await page.getByRole('button', { name: 'Record the adjustment' }).dblclick();
    await page.getByText(`Recorded: -5 points. The balance is now ${points(balance + 20)}.`).waitFor();
    const adjustments = (await ledgerOf(zamfira.id)).filter((entry) => entry.kind === 'adjustment');
    expect(adjustments.map((entry) => entry.delta)).toEqual([-5, 25]);
  });

  it("downloads the member's data as a JSON file", async () => {
    const page = await signedIn(MEMBERS_OWNER);
    await openZamfira(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the data (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`member-${zamfira.id}.json`);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data.member).toMatchObject({ name: ZAMFIRA.name, phone: ZAMFIRA.phone, cardNumber: zamfira.cardNumber });
    expect(data.ledger.map((entry: Json) => entry.kind)).toContain('adjustment');
    expect(data.purchases.map((purchase: Json) => purchase.receiptId).sort()).toEqual(['R-1001', 'R-1002']);
    await page.getByText(`The file member-${zamfira.id}.json is downloaded.`).waitFor();
  });

  it('offers each role only what it may do, and the API refuses the rest', async () => {
    const viewer = await signedIn(VIEWER);
    expect(await nav(viewer).getByRole('link', { name: 'Members' }).count()).toBe(0);
    await viewer.goto(`${world.url}/admin#/members/${zamfira.id}`);
    await viewer.getByRole('heading', { name: `Welcome, ${VIEWER.name}` }).waitFor();
    expect(await viewer.getByRole('heading', { name: ZAMFIRA.name }).count()).toBe(0);
    const adjust = { points: 10, reason: 'I am only a viewer' };
    expect((await sessions.viewer!.call('POST', `/api/v1/members/${zamfira.id}/adjustments`, adjust)).status).toBe(403);
    expect((await sessions.viewer!.call('GET', `/api/v1/members/search?q=lungu`)).status).toBe(403);

    const support = await signedIn(SUPPORT);
    await openZamfira(support);
    await support.getByRole('table', { name: 'Points history' }).waitFor();
    expect(await support.getByRole('heading', { name: 'Add or take points' }).count()).toBe(0);
    expect(await support.getByRole('heading', { name: 'Erase personal data' }).count()).toBe(0);
    expect(await support.getByRole('button', { name: 'Download the data (JSON)' }).count()).toBe(0);
    await support.getByRole('link', { name: /^asked for a person, opened / }).waitFor();
    expect((await sessions.support!.call('POST', `/api/v1/members/${zamfira.id}/adjustments`, adjust)).status).toBe(
      403,
    );
    expect((await sessions.support!.call('GET', `/api/v1/members/${zamfira.id}/export`)).status).toBe(403);

    const marketer = await signedIn(MARKETER);
    await openZamfira(marketer);
    await marketer.getByRole('heading', { name: 'Add or take points' }).waitFor();
    expect(await marketer.getByRole('heading', { name: 'Erase personal data' }).count()).toBe(0);
    // No desk for a marketer: the ticket is named, not linked.
    await marketer.getByText(/^asked for a person, opened /).waitFor();
    expect(await marketer.getByRole('link', { name: /^asked for a person/ }).count()).toBe(0);
  });

  it('speaks Russian and Romanian with their plurals and tier names', async () => {
    const { balance } = (await world.admin('GET', `/api/v1/members/${zamfira.id}/profile`)).body.member;
    const page = await signedIn(MARKETER);
    await openZamfira(page);
    await page.locator('#language').selectOption('ru');
    await page.getByRole('heading', { name: 'Карта и баллы' }).waitFor();
    const ru = { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' } as Record<string, string>;
    expect(await fact(page, 'balance').textContent()).toBe(
      `${balance} ${ru[new Intl.PluralRules('ru').select(balance)]}`,
    );
    expect(await fact(page, 'tier').textContent()).toBe('Бронзовый');
    await page.locator('#language').selectOption('ro');
    await page.getByRole('heading', { name: 'Card și puncte' }).waitFor();
    const ro = { one: 'punct', few: 'puncte', other: 'de puncte' } as Record<string, string>;
    expect(await fact(page, 'balance').textContent()).toBe(
      `${balance} ${ro[new Intl.PluralRules('ro').select(balance)]}`,
    );
    expect(await fact(page, 'tier').textContent()).toBe('Bronz');
    await page.locator('#language').selectOption('en');
  });

  it('erases the member only once the card number is typed, and search no longer finds them', async () => {
    const page = await signedIn(MEMBERS_OWNER);
    await openZamfira(page);
    const erase = page.getByRole('button', { name: 'Erase for good' });
    const confirm = page.getByLabel(`Type the card number ${grouped(zamfira.cardNumber)} to confirm`);
    expect(await erase.isDisabled()).toBe(true);
    await confirm.fill(zamfira.cardNumber.replace(/\d$/, (d) => String((Number(d) + 1) % 10)));
    expect(await erase.isDisabled()).toBe(true);
    expect((await world.admin('GET', `/api/v1/members/${zamfira.id}/profile`)).status).toBe(200);

    await confirm.fill(grouped(zamfira.cardNumber));
    expect(await erase.isEnabled()).toBe(true);
    await erase.click();
    await page.getByText('This member’s personal data was erased.', { exact: false }).waitFor();
    await page.getByText(/^The personal data was erased on .+\. Points forfeited: \d+ points?\.$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await world.admin('GET', `/api/v1/members/${zamfira.id}/profile`)).status).toBe(410);

    await page.getByRole('link', { name: 'Back to the search' }).click();
    await search(page, 'lungu');
    await page.getByText('No member matches “lungu”.').waitFor();
  });
});
