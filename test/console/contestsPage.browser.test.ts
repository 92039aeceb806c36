// The contest pages in Chromium: a support user meets the moderation queue
// with each entry's picture (loaded under the console's own CSP), rejects
// one with a common reason and a note (no reason refused first), approves
// another, and meets an entry someone decided first in Slack; the queue empties. A marketer sees
// the contests with their phase and entry counts and one's standings, and
// creates a contest, its refusals marked at their fields. A viewer has no
// such section. axe-core checks the pages.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contestBody } from '../core/contests/support/contestBody.ts';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';
import { startContestsWorld, type ContestsWorld } from './contestsWorld.ts';

const SUPPORT = { name: 'Sergiu', email: 'sergiu@shop.md', password: 'support password 123' };
const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };

let world: ContestsWorld;
let contestId = '';
const entries: Record<string, string> = {};

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const queue = (page: Page) => page.getByRole('region', { name: 'Waiting for a decision' });
const entryCard = (page: Page, author: string) =>
  queue(page).getByRole('listitem', { name: `“Winter drawing”: entry by ${author}` });

async function signedIn(
  person: { name: string; email: string; password: string },
  options: { width?: number; enforceCsp?: boolean } = {},
): Promise<Page> {
  const page = await world.open(options);
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  return page;
}

async function toContests(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Contests' }).click();
  await page.getByRole('heading', { name: 'Contests', level: 1 }).waitFor();
}

describe.skipIf(skipBrowserTests)(`the contest pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    world = await startContestsWorld();
    await world.invite('support', SUPPORT);
    await world.invite('marketer', MARKETER);
    await world.invite('viewer', VIEWER);
    const created = await world.admin('POST', '/api/v1/contests', contestBody(new Date()));
    if (created.status !== 201) throw new Error(`contest: ${JSON.stringify(created.body)}`);
    contestId = String(created.body.id);
    entries.Anna = await world.entry(contestId, 'Anna', 'A snowman in the yard');
    entries.Boris = await world.entry(contestId, 'Boris', 'My sledge');
    entries.Clara = await world.entry(contestId, 'Clara', null);
  }, 90_000);

  afterEach(async () => {
    await world.closePages();
  });

  afterAll(async () => {
    await world?.stop();
  });

  // The tests share one application, in this order: the queue decided in the first is the standings of the second.
  it('lets support reject one entry with a reason, approve another, and tells of one decided first', async () => {
    const page = await signedIn(SUPPORT, { enforceCsp: true });
    await toContests(page);
    // Support reads no reports: the queue, and no list of contests.
    expect(await page.getByRole('heading', { name: 'All contests' }).count()).toBe(0);
    for (const author of ['Anna', 'Boris', 'Clara']) await entryCard(page, author).waitFor();
    const anna = entryCard(page, 'Anna');
    await expect.poll(() => anna.getByText('A snowman in the yard', { exact: true }).count()).toBe(1);
    await expect.poll(() => entryCard(page, 'Clara').getByText('No caption.').count()).toBe(1);
    // The picture comes from the API under the console's own policy (img-src 'self'), as a real image.
    const picture = anna.getByRole('img', { name: 'The picture Anna sent: A snowman in the yard' });
    await expect
      .poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
      .toBe(640);

    // A rejection without a reason is refused at its field, and nothing is sent.
    await anna.getByRole('button', { name: 'Reject' }).click();
    const reason = anna.getByLabel('Reason for rejecting (the author reads it in their language)');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await anna.getByText('Choose why, so the author knows what to change.').count()).toBe(1);
    // The same common reasons as in Slack.
    expect(await reason.locator('option').allTextContents()).toEqual([
      'Choose a reason…',
      'Not the author’s own photo or drawing',
      'Off the contest’s theme',
      'Not suitable to show',
      'Too blurred, dark or small',
      'Does not follow the contest rules',
    ]);
    expect((await world.app.db.prisma.contestEntry.findUniqueOrThrow({ where: { id: entries.Anna! } })).status).toBe(
      'pending',
    );

    await reason.selectOption({ label: 'Off the contest’s theme' });
    await anna
      .getByLabel('A note for the author (optional; sent as you write it)')
      .fill('We asked for a winter scene.');
    await anna.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('status').getByText('The entry by Anna is rejected; its author is told why.').waitFor();
    expect(await anna.count()).toBe(0);

    await entryCard(page, 'Boris').getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').getByText('The entry by Boris is approved; voters will see it.').waitFor();
    expect(await entryCard(page, 'Boris').count()).toBe(0);

    // Someone in Slack decides on Clara's entry while it still shows here: the first decision stands.
    expect((await world.admin('POST', `/api/v1/contest-entries/${entries.Clara}/approve`)).status).toBe(200);
    await entryCard(page, 'Clara')
      .getByLabel('Reason for rejecting (the author reads it in their language)')
      .selectOption({ label: 'Too blurred, dark or small' });
    await entryCard(page, 'Clara').getByRole('button', { name: 'Reject' }).click();
    await page
      .getByRole('status')
      .getByText('Someone else decided on the entry by Clara first; their decision stands.')
      .waitFor();
    await queue(page).getByText('No entry is waiting for a decision.').waitFor();

    const decided = await world.app.db.prisma.contestEntry.findMany({ orderBy: { submittedAt: 'asc' } });
    expect(decided.map((entry) => [entry.status, entry.reason])).toEqual([
      ['rejected', 'the picture is not on the contest’s theme. The moderator adds: We asked for a winter scene.'],
      ['approved', null],
      ['approved', null],
    ]);

    // Reloaded, the queue stays empty: the decisions were kept, not only hidden.
    await page.reload();
    await page.getByRole('heading', { name: 'Contests', level: 1 }).waitFor();
    await queue(page).getByText('No entry is waiting for a decision.').waitFor();
  });

  it('shows a marketer the contests with phase and entries, and a contest’s standings', async () => {
    await world.entry(contestId, 'Dan', 'Ice skates');
    const page = await signedIn(MARKETER);
    await toContests(page);
    await entryCard(page, 'Dan').getByRole('img', { name: 'The picture Dan sent: Ice skates' }).waitFor();
    const list = page.getByRole('table', { name: 'Contests, newest first' });
    const row = list.getByRole('row').filter({ hasText: 'Winter drawing' });
    await expect.poll(() => row.textContent()).toContain('Taking entries');
    expect(await row.textContent()).toContain('4 entries');
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('link', { name: 'Standings of “Winter drawing”' }).click();
    await page.getByRole('heading', { name: 'Winter drawing', level: 1 }).waitFor();
    await page.getByText('Members do not see these standings until voting closes.').waitFor();
    const standings = page.getByRole('table', { name: 'Standings of “Winter drawing”, most voted first' });
    const rows = await standings
      .locator('tbody tr')
      .evaluateAll((lines) => lines.map((line) => (line.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('Anna');
    expect(rows[0]).toContain(
      'Rejected — the picture is not on the contest’s theme. The moderator adds: We asked for a winter scene.',
    );
    expect(rows[1]).toContain('Approved');
    expect(rows[3]).toContain('Waiting for a decision');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('passes axe-core on the queue at phone width', async () => {
    const page = await signedIn(SUPPORT, { width: 390 });
    await toContests(page);
    await entryCard(page, 'Dan').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a marketer create a contest, its refusals marked at their fields', async () => {
    const page = await signedIn(MARKETER);
    await toContests(page);
    await page.getByRole('link', { name: 'New contest' }).click();
    await page.getByRole('heading', { name: 'New contest', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Title' }).getByLabel('English', { exact: true }).fill('Spring photo');
    await page.getByLabel('Entries open', { exact: true }).fill('2027-03-01T10:00');
    await page.getByLabel('Entries close', { exact: true }).fill('2027-03-10T10:00');
    await page.getByLabel('Voting opens', { exact: true }).fill('2027-03-10T10:00');
    await page.getByLabel('Voting closes', { exact: true }).fill('2027-03-05T10:00');
    await page.getByRole('button', { name: 'Create the contest' }).click();
    await page.getByText('Nothing was created. Fix the fields marked.').waitFor();
    const closes = page.getByLabel('Voting closes', { exact: true });
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Must come after the time before it.').waitFor();
    const prize = page.getByRole('group', { name: 'Prize 1' }).getByLabel('What the winner gets', { exact: true });
    expect(await prize.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    expect((await world.admin('GET', '/api/v1/contests')).body.contests).toHaveLength(1);

    await closes.fill('2027-03-17T10:00');
    await prize.fill('A photo album');
    await page.getByRole('button', { name: 'Create the contest' }).click();
    await page.getByRole('heading', { name: 'Spring photo', level: 1 }).waitFor();
    await page.getByText('No entry yet.').waitFor();
    const { contests } = (await world.admin('GET', '/api/v1/contests')).body;
    expect(contests).toHaveLength(2);
    expect(contests[0].title).toEqual({ en: 'Spring photo' });
    expect(contests[0].prizes).toEqual([{ name: { en: 'A photo album' }, count: 1 }]);
  });

  it('gives a viewer no contests section', async () => {
    const page = await signedIn(VIEWER);
    expect(await nav(page).getByRole('link', { name: 'Contests' }).count()).toBe(0);
    await page.goto(`${page.url().split('#')[0]}#/contests`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Contests', level: 1 }).count()).toBe(0);
  });
});
