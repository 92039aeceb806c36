// The quiz pages in Chromium: a marketer writes a quiz of two questions in
// the editor (options added and removed, the API's refusals shown at their
// fields in the reader's words, the missing language warned about), saves
// it as a draft and publishes it; members play it in their chat; the
// results page shows who played, the scores, the hardest question and the
// leaderboard, and its CSV holds the players' rows, escaped; the questions
// of a played quiz stay as they are; the quiz is closed from its results;
// a viewer has no quizzes section. axe-core checks every page.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quizPlayer } from '../core/quizzes/support/quizPlayer.ts';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';
import { browserWallClock, QUIZZES_OWNER, startQuizzesWorld, type QuizzesWorld } from './quizzesWorld.ts';

const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };
const LANGUAGE = { ru: 'Russian', ro: 'Romanian', en: 'English' } as const;
const MINUTE_MS = 60_000;

let world: QuizzesWorld;
let quizId = '';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

async function signedIn(person: { name: string; email: string; password: string }, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  return page;
}

async function toQuizzes(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Quizzes', exact: true }).click();
  await page.getByRole('heading', { name: 'Quizzes', level: 1 }).waitFor();
}

/** Types a text in the languages given, into the fieldset that holds it. */
async function write(scope: Locator, texts: Partial<Record<keyof typeof LANGUAGE, string>>): Promise<void> {
  for (const [locale, text] of Object.entries(texts))
    await scope.getByLabel(LANGUAGE[locale as keyof typeof LANGUAGE], { exact: true }).fill(text);
}

async function writeOption(question: Locator, number: number, texts: { en: string; ru: string }, correct = false) {
  const option = group(question, `Option ${number}`);
  await write(option, texts);
  if (correct) await option.getByLabel('Correct answer').check();
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

function minuteOf(at: number): Date {
  return new Date(Math.floor(at / MINUTE_MS) * MINUTE_MS);
}

describe.skipIf(skipBrowserTests)(`the quiz pages in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`, () => {
  const opensAt = minuteOf(Date.now() - 60 * MINUTE_MS);
  const closesAt = minuteOf(Date.now() + 2 * 24 * 60 * MINUTE_MS);

  beforeAll(async () => {
    world = await startQuizzesWorld();
    await world.invite('marketer', MARKETER);
    await world.invite('viewer', VIEWER);
  }, 60_000);

  afterEach(async () => {
    await world.closePages();
  });

  afterAll(async () => {
    await world?.stop();
  });

  // The tests share one application, in this order: the quiz written in the first is played, read and closed.
  it('writes a quiz of two questions, warns of the missing language, refuses what the API refuses, and publishes it', async () => {
    const page = await signedIn(MARKETER);
    await toQuizzes(page);
    await page.getByText('No quizzes yet.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'New quiz' }).click();
    await page.getByRole('heading', { name: 'New quiz', level: 1 }).waitFor();

    await write(group(page, 'Title'), { en: 'Coffee week', ru: 'Кофейная неделя' });
    const first = group(page, 'Question 1');
    await write(group(first, 'Question text'), { en: 'Where was coffee first found?', ru: 'Где впервые нашли кофе?' });
    await writeOption(first, 1, { en: 'Ethiopia', ru: 'Эфиопия' }, true);
    await writeOption(first, 2, { en: 'Brazil', ru: 'Бразилия' });
    await first.getByLabel('Picture URL (optional)').fill('http://shop.example/beans.jpg');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const second = group(page, 'Question 2');
    await write(group(second, 'Question text'), {
      en: 'What is an espresso with hot water?',
      ru: 'Что такое эспрессо с горячей водой?',
    });
    await writeOption(second, 1, { en: 'Americano', ru: 'Американо' });
    await writeOption(second, 2, { en: 'Latte', ru: 'Латте' });
    await second.getByRole('button', { name: 'Add an option' }).click();
    await writeOption(second, 3, { en: 'Ristretto', ru: 'Ристретто' });
    await group(second, 'Option 2').getByRole('button', { name: 'Remove this option' }).click();
    expect(await group(second, 'Option 2').getByLabel('English').inputValue()).toBe('Ristretto');
    await group(second, 'Option 2').getByRole('button', { name: 'Remove this option' }).waitFor({ state: 'hidden' });
    await writeOption(second, 2, { en: 'Latte', ru: 'Латте' });
    await page.getByLabel('Points per correct answer').fill('10');
    await page.getByLabel('Bonus when every answer is correct').fill('5');
    await page.getByLabel('Seconds per question (5 to 120)').fill('200');
    await page.getByLabel('Opens', { exact: true }).fill(browserWallClock(opensAt));
    await page.getByLabel('Closes', { exact: true }).fill(browserWallClock(closesAt));

    const warning = page.locator('.quiz__warnings');
    await warning
      .getByText("Members who speak a missing language see them in the programme's default language instead.")
      .waitFor();
    expect(await warning.getByRole('listitem').allTextContents()).toEqual([
      'Romanian is missing for the title, question 1 (the text, options 1 and 2), and question 2 (the text, options 1 and 2).',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    // No correct option in question 2, too many seconds per question, a picture not on https: refused, nothing kept.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Nothing was saved. Fix the fields marked.').waitFor();
    await second.getByText('Tick at least one correct option.').waitFor();
    const seconds = page.getByLabel('Seconds per question (5 to 120)');
    expect(await seconds.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('At most 120.').waitFor();
    await first.getByText('Enter a web address that starts with https://.').waitFor();
    expect(await world.app.db.prisma.quiz.count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await group(second, 'Option 1').getByLabel('Correct answer').check();
    await seconds.fill('60');
    await first.getByLabel('Picture URL (optional)').fill('https://shop.example/beans.jpg');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('The draft is saved.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Coffee week', level: 1 }).waitFor();
    quizId = /#\/quizzes\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByText('Status: Draft').waitFor();

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: members can play it', { exact: false }).waitFor();
    await page.getByText('Status: Open now').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const kept = (await world.admin('GET', `/api/v1/quizzes/${quizId}`)).body;
    expect(kept).toMatchObject({
      state: 'published',
      title: { en: 'Coffee week', ru: 'Кофейная неделя' },
      pointsPerCorrect: 10,
      perfectBonus: 5,
      secondsPerQuestion: 60,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
    expect(kept.title.ro).toBeUndefined();
    expect(kept.questions[0].imageUrl).toBe('https://shop.example/beans.jpg');
    expect(
      kept.questions.map((q: { options: { en: string }[]; correct: number[] }) => [
        q.options.map((o) => o.en),
        q.correct,
      ]),
    ).toEqual([
      [['Ethiopia', 'Brazil'], [0]],
      [['Americano', 'Latte'], [0]],
    ]);

    await page.getByRole('link', { name: '← All quizzes' }).click();
    const list = page.getByRole('table', { name: 'All quizzes, newest first' });
    await list.waitFor();
    const rows = await rowTexts(list);
    expect(rows[1]).toMatch(/^Coffee week \| Open now \| .+ \| .+ \| 0 \| Results$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is played by members in their chat', async () => {
    const nicu = quizPlayer(world, 'quiz-page-nicu');
    await nicu.joins('"Nicu", Rusu', '+37369200001');
    let [, question] = await nicu.presses(`quiz:open:${quizId}`);
    question = (await nicu.answers(question, 'Ethiopia'))[1];
    const [, nicuDone] = await nicu.answers(question, 'Americano');
    expect(nicuDone!.text).toContain('2 of 2');

    const ion = quizPlayer(world, 'quiz-page-ion');
    await ion.joins('=Ion Popa', '+37369200002');
    [, question] = await ion.presses(`quiz:open:${quizId}`);
    question = (await ion.answers(question, 'Ethiopia'))[1];
    const [, ionDone] = await ion.answers(question, 'Latte');
    expect(ionDone!.text).toContain('1 of 2');

    // Starts and goes no further: played, not completed.
    const dora = quizPlayer(world, 'quiz-page-dora');
    await dora.joins('Dora Lungu', '+37369200003');
    await dora.presses(`quiz:open:${quizId}`);
  });

  it('shows who played, the scores, the hardest question and the leaderboard, and downloads it as CSV', async () => {
    const page = await signedIn(MARKETER);
    await toQuizzes(page);
    await page.getByRole('link', { name: 'Results of Coffee week' }).click();
    await page.getByRole('heading', { name: 'Results: Coffee week' }).waitFor();
    await page.getByText('3 members played; 2 answered every question.').waitFor();
    expect((await rowTexts(page.getByRole('table', { name: 'Results in figures' }))).slice(1)).toEqual([
      'Members who played | 3',
      'Answered every question | 2',
      'Completion rate | 67%',
      'Points awarded | 35 points',
    ]);
    const scores = page.getByRole('table', { name: 'Finished attempts by number of correct answers' });
    expect((await rowTexts(scores)).slice(1)).toEqual(['0 | 0', '1 | 1', '2 | 1']);
    await page.locator('.chart__drawing svg').first().waitFor();

    await page.getByText('The hardest is question 2: 50% answered it correctly.').waitFor();
    const questions = await rowTexts(page.getByRole('table', { name: 'Questions' }));
    expect(questions[1]).toMatch(/^1\. Where was coffee first found\? \| 2 \| 100% \| [\d.]+ s$/);
    expect(questions[2]).toMatch(/^2\. What is an espresso with hot water\? Hardest \| 2 \| 50% \| [\d.]+ s$/);
    expect(await page.locator('tr.quiz__hardest').count()).toBe(1);

    const board = (await rowTexts(page.getByRole('table', { name: 'Leaderboard' }))).slice(1);
    expect(board).toHaveLength(2);
    expect(board[0]).toMatch(/^1 \| "Nicu", R\. \| 2 \| 25 points \| [\d.]+ s$/);
    expect(board[1]).toMatch(/^2 \| =Ion P\. \| 1 \| 10 points \| [\d.]+ s$/);
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the leaderboard (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`quiz-${quizId}-results.csv`);
    const lines = (await readFile((await download.path())!, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('rank,memberId,name,score,points,seconds');
    // Quotes doubled inside a quoted cell; a leading "=" kept from running as a spreadsheet formula.
    expect(lines[1]).toMatch(/^1,[0-9a-f-]{36},"""Nicu"", R\.",2,25,[\d.]+$/);
    expect(lines[2]).toMatch(/^2,[0-9a-f-]{36},'=Ion P\.,1,10,[\d.]+$/);
    await page.getByText(`The file quiz-${quizId}-results.csv is downloaded.`).waitFor();
  });

  it('fits the results on a 390 px phone with no serious violation', async () => {
    const page = await signedIn(MARKETER, 390);
    await page.goto(`${world.url}/admin#/quizzes/${quizId}/results`);
    await page.getByRole('heading', { name: 'Results: Coffee week' }).waitFor();
    await page.locator('.chart__drawing svg').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the questions and scoring of a played quiz as they are, saying why, and still changes its title', async () => {
    const page = await signedIn(MARKETER, 390);
    await page.goto(`${world.url}/admin#/quizzes/${quizId}`);
    await page.getByRole('heading', { name: 'Coffee week', level: 1 }).waitFor();
    await page
      .getByText('3 members have played this quiz, so its questions, points and time per question stay as they are', {
        exact: false,
      })
      .waitFor();
    const first = group(page, 'Question 1');
    expect(await group(first, 'Option 1').getByLabel('English').isDisabled()).toBe(true);
    expect(await page.getByLabel('Points per correct answer').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add a question' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);

    await write(group(page, 'Title'), { en: 'Coffee week, final' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The changes are saved.').waitFor();
    await page.getByRole('heading', { name: 'Coffee week, final', level: 1 }).waitFor();
    const kept = (await world.admin('GET', `/api/v1/quizzes/${quizId}`)).body;
    expect(kept.title.en).toBe('Coffee week, final');
    expect(kept.questions).toHaveLength(2);
  });

  it('gives a quiz to a saved segment’s members only, and back to every member', async () => {
    const segment = await world.admin('POST', '/api/v1/segments', {
      name: 'Russian speakers',
      filters: { locales: ['ru'] },
    });
    expect(segment.status).toBe(201);
    const page = await signedIn(MARKETER);
    await page.goto(`${world.url}/admin#/quizzes/${quizId}`);
    const audience = page.getByLabel('Audience');
    await audience.locator('option', { hasText: 'Russian speakers' }).waitFor({ state: 'attached' });
    expect(await audience.inputValue()).toBe('');
    await audience.selectOption({ label: 'Russian speakers' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The changes are saved.').waitFor();
    expect((await world.admin('GET', `/api/v1/quizzes/${quizId}`)).body.segmentId).toBe(segment.body.id);
    await page.reload();
    await page.getByLabel('Audience').locator('option', { hasText: 'Russian speakers' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Audience').inputValue()).toBe(segment.body.id);
    await page.getByLabel('Audience').selectOption({ label: 'Every member' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The changes are saved.').waitFor();
    expect((await world.admin('GET', `/api/v1/quizzes/${quizId}`)).body.segmentId).toBeNull();
  });

  it('closes the open quiz from its results page after asking once more', async () => {
    const page = await signedIn(MARKETER);
    await page.goto(`${world.url}/admin#/quizzes/${quizId}/results`);
    await page.getByRole('heading', { name: 'Results: Coffee week, final' }).waitFor();
    await page.getByRole('button', { name: 'Close the quiz now…' }).click();
    await page.getByText('A closed quiz cannot be opened again.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Keep it open' }).click();
    expect((await world.admin('GET', `/api/v1/quizzes/${quizId}`)).body.state).toBe('published');
    await page.getByRole('button', { name: 'Close the quiz now…' }).click();
    await page.getByRole('button', { name: 'Yes, close it now' }).click();
    await page.getByText('The quiz is closed.', { exact: false }).waitFor();
    await page.getByText('Status: Closed', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Close the quiz now…' }).count()).toBe(0);
    expect((await world.admin('GET', `/api/v1/quizzes/${quizId}`)).body.state).toBe('closed');

    await page.getByRole('link', { name: 'The quiz itself' }).click();
    await page.getByText('This quiz is closed and no longer changes.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await group(page, 'Title').getByLabel('English').isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks Russian and Romanian, with the plural each number needs', async () => {
    const page = await signedIn(QUIZZES_OWNER);
    await page.getByLabel('Language').selectOption('ru');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Викторины', exact: true })
      .click();
    await page.getByRole('link', { name: 'Итоги: Кофейная неделя' }).click();
    await page.getByText('Сыграли 3 участника; на все вопросы ответили: 2.').waitFor();
    expect((await rowTexts(page.getByRole('table', { name: 'Итоги в цифрах' }))).at(-1)).toBe(
      'Начислено баллов | 35 баллов',
    );
    await page.getByRole('link', { name: 'Сама викторина' }).click();
    await page
      .getByText('Румынский — не хватает: название, вопрос 1 (текст, варианты 1 и 2)', { exact: false })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Язык').selectOption('ro');
    await page.getByRole('link', { name: 'Rezultate', exact: true }).click();
    await page.getByText('Au jucat 3 membri; au răspuns la toate întrebările: 2.').waitFor();
    // Closing ended the third attempt where it stood: it is ranked now, with nothing scored.
    expect(
      (await rowTexts(page.getByRole('table', { name: 'Clasament' }))).slice(1).map((row) => row.split(' | ')[3]),
    ).toEqual(['25 de puncte', '10 puncte', '0 puncte']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no quizzes section for a viewer, whose role may not change quizzes', async () => {
    const page = await signedIn(VIEWER);
    expect(await nav(page).getByRole('link').allTextContents()).not.toContain('Quizzes');
    await page.goto(`${world.url}/admin#/quizzes`);
    await page.getByRole('heading', { name: `Welcome, ${VIEWER.name}` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Quizzes' }).count()).toBe(0);
  });
});
