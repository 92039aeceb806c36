// A detractor's NPS answer reaches the Slack staff channel (Bolt over loopback
// HTTP, the fake Web API behind it): the ticket's card names the reason, the
// score, the comment, the last purchase and the 48-hour follow-up target.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { ANNAS_PHONE, registerMember } from '../telegram/support/registerMember.ts';
import type { TelegramUser } from '../telegram/support/telegramUser.ts';
import { DeskHarness } from './support/deskHarness.ts';

const translator = createTranslator();
const ru = translator.forLocale('ru');
const en = translator.forLocale('en');
const ADMIN_TOKEN = 'nps-slack-admin-token-0123456789abcdefgh';

let desk: DeskHarness;
let anna: TelegramUser;

async function call(method: string, path: string, body: unknown, type = 'application/json'): Promise<number> {
  const response = await fetch(`${desk.telegram.app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': type },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

beforeEach(async () => {
  desk = await DeskHarness.start({ ADMIN_TOKEN });
  anna = desk.telegram.user(1001, { firstName: 'Анна', languageCode: 'ru' });
  await registerMember(anna);
  // Asked at once and at any hour, so the test does not depend on when it runs.
  const patch = { nps: { afterPurchaseDays: 0 }, quietHours: { from: '00:00', to: '00:00' } };
  expect(await call('PATCH', '/api/v1/program', patch, 'application/merge-patch+json')).toBe(200);
});

afterEach(async () => {
  await desk.stop();
});

it('posts a detractor’s ticket to the staff channel with the score, the comment and the follow-up target', async () => {
  const purchase = { member: { phone: `+${ANNAS_PHONE}` }, amount: 31_000, receiptId: 'slack-nps-1' };
  expect(await call('POST', '/api/v1/purchases', purchase)).toBe(201);
  const replies = await anna.nextReplies(2);
  expect(replies.map((reply) => reply.text)).toContain(ru('surveys.nps.question'));
  await anna.taps('4');
  await anna.types('Кассир был груб');
  const [message] = await desk.ticketMessages();
  const card = JSON.stringify(message?.blocks ?? []);
  expect(card).toContain(en('desk.reason.nps'));
  expect(card).toContain(en('desk.card.npsScore', { score: 4 }));
  expect(card).toContain('Кассир был груб');
  expect(card).toContain('⏰');
  expect(card).toContain(en('desk.card.lastPurchases'));
  const ticket = await desk.prisma.ticket.findFirstOrThrow();
  // The 48 hours count from the score, not from the comment after it.
  const answer = await desk.prisma.surveyQuestion.findFirstOrThrow({ where: { followUpTicketId: ticket.id } });
  expect(ticket.followUpBy!.getTime() - answer.answeredAt!.getTime()).toBe(48 * 3_600_000);
});
