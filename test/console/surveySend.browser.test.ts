// Sending a survey from the NPS and CSAT page in Chromium: NPS to members
// listed by card number and id, the outcome as a table (queued, muted,
// skipped by the throttle, not found); CSAT to everyone; an empty list
// refused at the field with nothing sent; no form for a viewer; no serious
// accessibility violation, and nothing wider than a 390 px phone.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../core/inbound.ts';
import { payload } from '../../core/payloads.ts';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seedAnswer } from '../support/surveyAnswers.ts';
import { invite, send, sessionFrom } from './consoleCalls.ts';
import {
  ADMIN_TOKEN,
  OWNER,
  seriousViolations,
  signInInPage,
  startConsoleWorld,
  type ConsoleWorld,
} from './consoleWorld.ts';

const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };
const DAY_MS = 86_400_000;

let world: ConsoleWorld;
let updates = 0;

/** Someone who joined in the web chat (so there is a chat to ask them in): their member id and card number. */
async function chatMember(
  name: string,
  phone: string,
): Promise<{ id: string; card: string; say: (e: InboundEvent) => Promise<unknown> }> {
  const address = `survey-send-${phone}`;
  const say = (event: InboundEvent) =>
    world.app.assistant.handle({ channel: 'web', address, updateId: `${address}:${(updates += 1)}`, event });
  await say({ kind: 'text', text: 'hello' });
  await say({ kind: 'button', payload: payload.consentAccept('en') });
  await say({ kind: 'text', text: name });
  await say({ kind: 'contact', phone, ownership: 'proven' });
  await say({ kind: 'text', text: '12.03.1990' });
  const member = await world.app.db.prisma.member.findUniqueOrThrow({ where: { phone } });
  return { id: member.id, card: member.cardNumber, say };
}

/** A table's rows as a reader meets them: cells joined by " | ". */
async function rowTexts(table: ReturnType<Page['getByRole']>): Promise<string[]> {
  return table.locator('tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children)
        .map((cell) => (cell.textContent ?? '').trim())
        .join(' | '),
    ),
  );
}

async function openSurveys(person = OWNER, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'NPS and CSAT' }).click();
  await page.getByRole('heading', { name: 'Net Promoter Score' }).waitFor();
  return page;
}

const relationshipQuestions = (kind: string) =>
  world.app.db.prisma.surveyQuestion.findMany({ where: { touchpoint: 'relationship', kind } });

describe.skipIf(skipBrowserTests)(
  `sending a survey from the console in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`,
  () => {
    let asked: Awaited<ReturnType<typeof chatMember>>;
    let muted: Awaited<ReturnType<typeof chatMember>>;
    let throttled: Awaited<ReturnType<typeof chatMember>>;

    beforeAll(async () => {
      world = await startConsoleWorld();
      const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const owner = sessionFrom(
        world.app.url,
        await send(world.app.url, 'POST', '/api/v1/owner', { ...OWNER, locale: 'en' }, bearer),
      );
      await invite(world.app.url, owner, { role: 'viewer', ...VIEWER });
      asked = await chatMember('Ana Popescu', '+37369400001');
      muted = await chatMember('Boris Rusu', '+37369400002');
      await muted.say({ kind: 'button', payload: payload.toggleNotification('surveys') });
      throttled = await chatMember('Ion Ceban', '+37369400003');
      // Asked NPS a week ago: within the 90 days of the throttle.
      await seedAnswer(world.app.db, { memberId: throttled.id, score: 9, at: new Date(Date.now() - 7 * DAY_MS) });
    });
    afterEach(async () => {
      await world.closePages();
    });
    afterAll(async () => {
      await world?.stop();
    });

    it('sends NPS to members listed by card number and id, and shows who was queued, muted, throttled or not found', async () => {
      const page = await openSurveys();
      const form = page.getByRole('region', { name: 'Send a survey' });
      await form.getByLabel('NPS: how likely they are to recommend us, 0 to 10').check();
      const spaced = asked.card.replace(/(\d{4})(?=\d)/g, '$1 ');
      await form
        .getByLabel('Member ids or card numbers')
        .fill(`${spaced}\n${muted.id}, ${throttled.card}\n9999 9999 9999`);
      await form.getByRole('button', { name: 'Send the survey' }).click();
      await form.getByRole('status').filter({ hasText: 'Sent: 1 member will be asked.' }).waitFor();
      const outcome = form.getByRole('table', { name: 'What came of the survey' });
      expect((await rowTexts(outcome)).slice(1)).toEqual([
        'Queued to be asked | 1',
        'Muted: switched surveys off, not sent | 1',
        'Skipped: asked this survey recently | 1',
        'Skipped: no chat to write to | 0',
        'Skipped: a survey already waits to be asked | 0',
        'Not found | 1',
      ]);
      const questions = await relationshipQuestions('nps');
      expect(questions.map((question) => question.memberId).sort()).toEqual([asked.id, muted.id].sort());
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('refuses an empty list at the field and sends nothing', async () => {
      const before = await world.app.db.prisma.surveyQuestion.count();
      const page = await openSurveys();
      const form = page.getByRole('region', { name: 'Send a survey' });
      await form.getByRole('button', { name: 'Send the survey' }).click();
      const list = form.getByLabel('Member ids or card numbers');
      await form.getByText('Name at least one member, or choose “All members”.').waitFor();
      expect(await list.getAttribute('aria-invalid')).toBe('true');
      expect(await list.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(await world.app.db.prisma.surveyQuestion.count()).toBe(before);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('sends CSAT to all members, on a 390 px phone', async () => {
      const page = await openSurveys(OWNER, 390);
      const form = page.getByRole('region', { name: 'Send a survey' });
      await form.getByLabel('CSAT: how satisfied they are with us overall, 1 to 5 stars').check();
      await form.getByLabel('All members').check();
      await expect(form.getByLabel('Member ids or card numbers').isVisible()).resolves.toBe(false);
      await form.getByRole('button', { name: 'Send the survey' }).click();
      await form.getByRole('status').filter({ hasText: 'Sent: 2 members will be asked.' }).waitFor();
      const questions = await relationshipQuestions('csat');
      expect(questions.map((question) => question.memberId).sort()).toEqual([asked.id, muted.id, throttled.id].sort());
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('offers no form to a viewer, who reads the figures only', async () => {
      const page = await openSurveys(VIEWER);
      expect(await page.getByRole('region', { name: 'Send a survey' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Send the survey' }).count()).toBe(0);
    });
  },
);
