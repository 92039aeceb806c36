// The public gallery of a contest in Chromium, under the server's strict
// CSP: only approved entries appear; while votes are secret they are shown
// without their counts; once the contest is closed, the top entries by votes
// (a tie to the earlier submission) with their places, first names only, in
// the reader's language; no serious axe-core findings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilePictureStore } from '../../core/storage/media/createFilePictureStore.ts';
import { launchChromium, skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations } from '../support/axe.ts';
import { startQuizApp, testClock, type QuizApp } from '../core/quizzes/support/quizApp.ts';
import { CONTEST_HOUR, contestBody } from '../core/contests/support/contestBody.ts';
import { pageErrors } from '../support/pageErrors.ts';

const authors = [
  { name: 'Ana Popescu', caption: 'Snow on the roofs', status: 'approved', votes: 3 },
  { name: 'Ion Rusu', caption: 'A fox in the garden', status: 'approved', votes: 5 },
  { name: 'Eva Lungu', caption: 'Skating on the lake', status: 'approved', votes: 3 },
  { name: 'Dan Ceban', caption: 'Refused drawing', status: 'rejected', votes: 0 },
] as const;

describe.skipIf(skipBrowserTests)(`The public contest gallery${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  const clock = testClock();
  let world: QuizApp;
  let browser: Browser;
  let contestId: string;

  beforeAll(async () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'gallery-media-'));
    world = await startQuizApp('sqlite', clock.now, { MEDIA_DIR: mediaDir });
    browser = await launchChromium();
    const created = await world.call<{ id: string }>('POST', '/api/v1/contests', contestBody(clock.now()));
    contestId = created.body.id;
    const pictures = createFilePictureStore(mediaDir);
    const db = world.app.db.prisma;
    for (const [i, author] of authors.entries()) {
      const member = await db.member.create({
        data: {
          id: crypto.randomUUID(),
          cardNumber: `77000000000${i}`,
          name: author.name,
          locale: 'en',
          consentAt: clock.now(),
          consentVersion: 'test',
        },
      });
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } })
        .png()
        .toBuffer();
      const pictureId = await pictures.save(new Uint8Array(png), 'image/png');
      const entry = await db.contestEntry.create({
        data: {
          id: crypto.randomUUID(),
          contestId,
          memberId: member.id,
          pictureId,
          caption: author.caption,
          status: author.status,
          submittedAt: new Date(clock.now().getTime() + i * 60_000),
        },
      });
      for (let slot = 1; slot <= author.votes; slot += 1) {
        const voter = await db.member.create({
          data: {
            id: crypto.randomUUID(),
            cardNumber: `7710${i}${slot}000000`.slice(0, 12),
            name: `Voter ${i}${slot}`,
            locale: 'en',
            consentAt: clock.now(),
            consentVersion: 'test',
          },
        });
        await db.contestVote.create({
          data: { contestId, voterId: voter.id, slot: 1, entryId: entry.id, castAt: clock.now() },
        });
      }
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function open(locale = 'en') {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${world.app.url}/contests/${contestId}`);
    return { page, errors };
  }

  const captions = (page: import('playwright-core').Page) =>
    page.locator('.entries figcaption').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));

  it('shows approved entries without their votes while voting is open', async () => {
    clock.advance(CONTEST_HOUR + 60_000);
    const { page, errors } = await open();
    expect(await page.locator('h1').textContent()).toBe('Winter drawing');
    expect(await page.locator('#status').textContent()).toContain('Voting is open in our chat until');
    const shown = await captions(page);
    expect(shown).toHaveLength(3);
    expect(shown.join(' ')).not.toContain('Refused drawing');
    expect(shown.join(' ')).not.toMatch(/vote/);
    expect(
      await page
        .locator('.entries img')
        .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth === 64)),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the top entries by votes once the contest is closed, a tie to the earlier submission', async () => {
    clock.advance(3 * CONTEST_HOUR);
    await world.app.db.prisma.contest.update({ where: { id: contestId }, data: { closedAt: clock.now() } });
    const { page, errors } = await open();
    expect(await page.locator('#entries-heading').textContent()).toBe('Top entries');
    expect(await captions(page)).toEqual([
      'Place 1 · 5 votesA fox in the gardenby Ion',
      'Place 2 · 3 votesSnow on the roofsby Ana',
      'Place 3 · 3 votesSkating on the lakeby Eva',
    ]);
    expect(await page.content()).not.toContain('Popescu');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('speaks the reader’s language, with its plural forms', async () => {
    const { page } = await open('ru');
    expect(await page.locator('h1').textContent()).toBe('Зимний рисунок');
    expect((await captions(page))[0]).toContain('1-е место · 5 голосов');
    expect((await captions(page))[1]).toContain('3 голоса');
  });

  it('fits a 390 px phone without scrolling sideways', async () => {
    const context = await browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${world.app.url}/contests/${contestId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('answers 404 with a page for an unknown contest', async () => {
    const response = await fetch(`${world.app.url}/contests/no-such-contest?lang=en`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('There is no such contest.');
  });
});
