// The desk inbox page: tickets from Telegram and the web chat appear while the page is
// open, support answers it under their own name (the answer reaching the chat
// through the fake Bot API), a note stays internal, Take and Resolve; roles
// without the desk see neither the section nor the API. axe-core checks the
// page at desktop and phone widths.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../core/i18n/translator.ts';
import { registerMember } from '../bots/telegram/support/registerMember.ts';
import type { TelegramUser } from '../bots/telegram/support/telegramUser.ts';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';
import { DESK_OWNER, startDeskWorld, type DeskWorld, type Session } from './deskWorld.ts';

const ru = createTranslator().forLocale('ru');
const ANNA_ID = 2001;
/** A 1×1 PNG: the photo the fake Bot API hands out for Anna's picture. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SUPPORT = { name: 'Mihai', email: 'mihai@shop.md', password: 'support password 123' };
const VIEWER = { name: 'Vera', email: 'vera@shop.md', password: 'viewer password 123' };
const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };

let world: DeskWorld;
let anna: TelegramUser;
const sessions: Record<string, Session> = {};

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const toDesk = async (page: Page) => {
  await nav(page).getByRole('link', { name: 'Desk inbox', exact: true }).click();
  await page.getByRole('heading', { name: 'Desk inbox', level: 1 }).waitFor();
};
const annasTicket = (page: Page) => page.getByRole('button', { name: /Анна/ });

async function signedIn(person: { name: string; email: string; password: string }, width = 1280): Promise<Page> {
  const page = await world.open({ width });
  await signInInPage(page, person.email, person.password);
  await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
  return page;
}

describe.skipIf(skipBrowserTests)(
  `the desk inbox page in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      world = await startDeskWorld();
      sessions.support = await world.invite('support', SUPPORT.name, SUPPORT.email, SUPPORT.password);
      sessions.viewer = await world.invite('viewer', VIEWER.name, VIEWER.email, VIEWER.password);
      sessions.marketer = await world.invite('marketer', MARKETER.name, MARKETER.email, MARKETER.password);
      anna = world.telegram.user(ANNA_ID, { firstName: 'Анна', languageCode: 'ru' });
      for (const side of [90, 320, 1280]) world.telegram.fake.setFile(`AgACAgIAAxkBAAI${ANNA_ID}_${side}`, PNG);
      await registerMember(anna);
    }, 60_000);

    afterEach(async () => {
      await world.closePages();
    });

    afterAll(async () => {
      await world?.stop();
    });

    // The tests share one application, in this order: the ticket opened in the first is answered in the next.
    it('shows a ticket opened in Telegram without a reload, with its waiting time and the photo', async () => {
      const page = await signedIn(DESK_OWNER);
      await toDesk(page);
      await page.getByText('0 tickets waiting').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await anna.commands('/human');
      await anna.types('Где мой заказ? Вот чек.', 0);
      await anna.sendsPhoto(0);
      await annasTicket(page).waitFor({ timeout: 15_000 });
      await page.getByText('1 ticket waiting').waitFor();
      await page.getByText('waiting 0 minutes').first().waitFor();

      await annasTicket(page).click();
      await page.getByRole('heading', { name: /^Ticket #/, level: 2 }).waitFor();
      await page.getByText('Где мой заказ? Вот чек.').waitFor();
      const photo = page.getByRole('img', { name: 'Photo sent by Анна' });
      await photo.waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('img.desk__photo');
        return img !== null && img.complete && img.naturalWidth === 1;
      });
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('lets support take the ticket, write a note and a reply under their own name, and resolve it, at 390 px', async () => {
      const page = await signedIn(SUPPORT, 390);
      await toDesk(page);
      await annasTicket(page).click();
      await page.getByRole('heading', { name: /^Ticket #/, level: 2 }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await page.getByRole('button', { name: 'Take', exact: true }).click();
      await page.getByText('You have taken this ticket').waitFor();
      const [taken] = await anna.nextReplies(1);
      expect(taken?.text).toBe(ru('desk.takenBy', { name: SUPPORT.name }));

      await page.getByLabel('Reply', { exact: true }).fill('Курьер опаздывает, извинимся сами');
      await page.getByLabel('Note (internal, the customer does not see it)').check();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Note saved; the customer does not see it.').waitFor();
      await page.getByText('Internal note by Mihai').waitFor();

      await page.getByLabel('Reply', { exact: true }).fill('Заказ уже в пути!');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Reply sent to the customer.').waitFor();
      const [answer] = await anna.nextReplies(1);
      expect(answer?.text).toBe(ru('desk.staffReply', { name: SUPPORT.name, text: 'Заказ уже в пути!' }));
      expect(anna.transcript.join('\n')).not.toContain('Курьер опаздывает');

      await page.getByRole('button', { name: 'Taken', exact: true }).click();
      await page.getByText('1 ticket taken').waitFor();
      await page.getByRole('button', { name: 'Resolve', exact: true }).click();
      await page.getByText('Resolved. The customer was asked to rate the help.').waitFor();
      const [prompt] = await anna.nextReplies(1);
      expect(prompt?.text).toBe(ru('desk.resolved'));
      await page.getByText('0 tickets taken').waitFor();
      await page.getByRole('button', { name: 'Resolved', exact: true }).click();
      await page.getByText('1 ticket resolved lately').waitFor();
      await page
        .getByText(/^resolved after \d+ minutes?$/)
        .first()
        .waitFor();
      await page.getByText('This ticket is resolved: only internal notes can be added.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('stops polling once another section is shown', async () => {
      const page = await signedIn(SUPPORT);
      await toDesk(page);
      const polls: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/v1/tickets/events')) polls.push(request.url());
      });
      await page.waitForRequest((request) => request.url().includes('/api/v1/tickets/events?since='));
      await nav(page).getByRole('link', { name: 'Home', exact: true }).click();
      await page.getByRole('heading', { name: `Welcome, ${SUPPORT.name}` }).waitFor();
      const seen = polls.length;
      await page.waitForTimeout(4_000);
      expect(polls.length).toBe(seen);
    });

    it('speaks Russian with its plurals', async () => {
      const page = await signedIn(SUPPORT);
      await page.locator('#language').selectOption('ru');
      await page
        .getByRole('navigation', { name: 'Разделы' })
        .getByRole('link', { name: 'Обращения', exact: true })
        .click();
      await page.getByRole('heading', { name: 'Обращения клиентов', level: 1 }).waitFor();
      await page.getByText('0 обращений ждут').waitFor();
      await page.getByRole('button', { name: 'Решённые', exact: true }).click();
      await page.getByText('1 обращение решено недавно').waitFor();
      await page.locator('#language').selectOption('en');
    });

    it('is not offered to a viewer or a marketer, whose calls to the desk API are refused', async () => {
      for (const [role, person] of [
        ['viewer', VIEWER],
        ['marketer', MARKETER],
      ] as const) {
        const page = await signedIn(person);
        expect(await nav(page).getByRole('link', { name: 'Desk inbox' }).count()).toBe(0);
        await page.goto(`${world.url}/admin#/desk`);
        await page.getByRole('heading', { name: `Welcome, ${person.name}` }).waitFor();
        expect(await page.getByRole('heading', { name: 'Desk inbox' }).count()).toBe(0);
        const session = sessions[role]!;
        expect((await session.call('GET', '/api/v1/tickets?status=open')).status).toBe(403);
        expect((await session.call('GET', '/api/v1/tickets/events')).status).toBe(403);
      }
      const [ticket] = (await sessions.support!.call('GET', '/api/v1/tickets?status=resolved')).body.tickets;
      expect((await sessions.viewer!.call('POST', `/api/v1/tickets/${ticket.id}/replies`, { text: 'hi' })).status).toBe(
        403,
      );
    });

    it("shows a web-chat visitor's ticket without a reload, and the reply reaches their chat", async () => {
      const page = await signedIn(DESK_OWNER);
      await toDesk(page);
      await page.getByText('0 tickets waiting').waitFor();
      const dan = await world.webVisitor('Dan', '+37369111222');
      await dan.says('Can I pay with points online?');
      await page.getByRole('button', { name: /Dan/ }).click({ timeout: 15_000 });
      await page.getByText('Can I pay with points online?').waitFor();
      await page.getByText('Web chat, en').waitFor();
      await page.getByLabel('Reply', { exact: true }).fill('Not yet, only at the till.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Reply sent to the customer.').waitFor();
      await expect
        .poll(async () => (await dan.inbox()).join('\n'), { timeout: 10_000 })
        .toContain('Not yet, only at the till.');
    });

    it('pages a long list: fifty at a time, "Show more" for the rest, and says there are more', async () => {
      const member = await world.telegram.prisma.member.findFirstOrThrow();
      const chat = await world.telegram.prisma.chat.findFirstOrThrow({ where: { memberId: member.id } });
      const at = Date.parse('2026-11-20T10:00:00Z');
      await world.telegram.prisma.ticket.createMany({
        data: Array.from({ length: 60 }, (_, index) => ({
          id: `paged-${String(index).padStart(2, '0')}`,
          memberId: member.id,
          chatId: chat.id,
          channel: chat.channel,
          address: chat.address,
          locale: 'ru',
          reason: 'button',
          status: 'resolved',
          text: `paged ticket ${index}`,
          openedAt: new Date(at + index * 60_000),
          resolvedAt: new Date(at + index * 60_000 + 30_000),
        })),
      });
      const page = await signedIn(DESK_OWNER);
      await toDesk(page);
      await page.getByRole('button', { name: 'Resolved', exact: true }).click();
      await page.getByText(/^More than 50 tickets resolved lately$/).waitFor();
      const tickets = page.locator('.desk__list li');
      expect(await tickets.count()).toBe(50);

      await page.getByRole('button', { name: 'Show more tickets' }).click();

      await page.getByText(/^\d+ tickets resolved lately$/).waitFor();
      expect(await tickets.count()).toBe(await world.telegram.prisma.ticket.count({ where: { status: 'resolved' } }));
      expect(await page.getByRole('button', { name: 'Show more tickets' }).isHidden()).toBe(true);
    });
  },
);
