// NPS through Telegram against the Bot API stand-in: the question after a
// purchase recorded through the REST API arrives with its eleven buttons, a
// detractor's answer and comment open a ticket the desk inbox shows with its
// score and 48-hour target, and a promoter gets their invitation.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { ANNAS_PHONE, registerMember } from './support/registerMember.ts';
import { TelegramHarness } from './support/telegramHarness.ts';
import type { TelegramUser } from './support/telegramUser.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ADMIN_TOKEN = 'surveys-telegram-admin-token-0123456789abcdef';
const ru = createTranslator().forLocale('ru');

let telegram: TelegramHarness;
let anna: TelegramUser;

async function call(
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${telegram.app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined && { 'content-type': type }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

beforeEach(async () => {
  telegram = await TelegramHarness.start({ env: { ADMIN_TOKEN } });
  anna = telegram.user(1001, { firstName: 'Анна', languageCode: 'ru' });
  await registerMember(anna);
  // Asked at once, and no quiet hours: the test does not depend on the time of day it runs at.
  const rules = await call(
    'PATCH',
    '/api/v1/program',
    { nps: { afterPurchaseDays: 0 }, quietHours: { from: '00:00', to: '00:00' } },
    'application/merge-patch+json',
  );
  expect(rules.status).toBe(200);
});

afterEach(async () => {
  await telegram.stop();
});

async function buysAndIsAsked(receiptId: string) {
  const purchase = await call('POST', '/api/v1/purchases', {
    member: { phone: `+${ANNAS_PHONE}` },
    amount: 20_000,
    receiptId,
    store: 'Centru',
  });
  expect(purchase.status).toBe(201);
  const replies = await anna.nextReplies(2);
  const question = replies.find((reply) => reply.text === ru('surveys.nps.question'));
  expect(question?.buttons.map((row) => row.map((button) => button.text))).toEqual([
    ['0', '1', '2', '3', '4', '5'],
    ['6', '7', '8', '9', '10'],
  ]);
}

it('hands a detractor to the desk inbox with the score, the comment and a 48-hour follow-up target', async () => {
  await buysAndIsAsked('tg-survey-1');
  const [followUp] = await anna.taps('2');
  expect(followUp?.text).toBe(ru('surveys.followUp.detractor'));
  await anna.types('Долго ждала на кассе');
  const open = await call('GET', '/api/v1/tickets?status=open');
  expect(open.body.tickets).toHaveLength(1);
  const ticket = open.body.tickets[0];
  expect(ticket).toMatchObject({ reason: 'nps', surveyScore: 2 });
  // The 48 hours count from the score, not from the comment after it.
  const answer = await telegram.app.db.prisma.surveyQuestion.findFirstOrThrow({
    where: { followUpTicketId: ticket.id },
  });
  expect(Date.parse(ticket.followUpBy) - answer.answeredAt!.getTime()).toBe(48 * 3_600_000);
  const conversation = await call('GET', `/api/v1/tickets/${ticket.id}`);
  expect(conversation.body.messages.map((message: Json) => message.text)).toEqual(['Долго ждала на кассе']);
  expect(conversation.body.lastPurchases).toHaveLength(1);
  const comments = await call('GET', '/api/v1/reports/nps/comments?group=detractor');
  expect(comments.body.comments).toMatchObject([{ score: 2, comment: 'Долго ждала на кассе', ticketId: ticket.id }]);
});

it('gives a promoter their invitation after the follow-up, and counts the answer once', async () => {
  await buysAndIsAsked('tg-survey-2');
  await anna.taps('10');
  const replies = await anna.taps(ru('surveys.skip'), 2);
  expect(replies[0]?.text).toBe(ru('surveys.thanks.promoter'));
  expect(replies[1]?.text).toContain(ru('referral.invite.intro'));
  const question = await telegram.app.db.prisma.surveyQuestion.findFirstOrThrow();
  const [again] = await anna.presses(`survey:${question.id}:3`);
  expect(again?.text).toBe(ru('surveys.alreadyCounted'));
  const report = await call('GET', '/api/v1/reports/nps');
  expect(report.body).toMatchObject({ nps: 100, promoters: 1, responses: 1, asked: 1, responseRate: 1 });
});
