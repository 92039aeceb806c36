// The default start has no Slack: a ticket from Telegram is answered through
// the desk inbox (REST API) and the answer reaches the customer through the
// real grammY sender and the fake Bot API, as a Slack thread reply would.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTranslator } from '../../core/i18n/translator.ts';
import { payload } from '../../core/payloads.ts';
import { registerMember } from '../bots/telegram/support/registerMember.ts';
import { TelegramHarness } from '../bots/telegram/support/telegramHarness.ts';
import type { TelegramUser } from '../bots/telegram/support/telegramUser.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ADMIN_TOKEN = 'desk-inbox-admin-token-0123456789abcdef';
const ru = createTranslator().forLocale('ru');

let telegram: TelegramHarness;
let anna: TelegramUser;

beforeEach(async () => {
  telegram = await TelegramHarness.start({ env: { ADMIN_TOKEN, DESK_EXPECTED_WAIT_MINUTES: '5' } });
  anna = telegram.user(1001, { firstName: 'Анна', languageCode: 'ru' });
  await registerMember(anna);
});

afterEach(async () => {
  await telegram.stop();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${telegram.app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

it('answers a Telegram customer from the desk inbox without Slack, takes and resolves, and gets the rating', async () => {
  // Nobody has opened the inbox yet: the customer is not promised a waiting time.
  const [recorded] = await anna.commands('/human');
  expect(recorded?.text).toBe(ru('desk.recorded.button'));
  expect(await anna.types('Где мой заказ?', 0)).toEqual([]);

  const open = await call('GET', '/api/v1/tickets?status=open');
  expect(open.body.tickets).toHaveLength(1);
  const id = open.body.tickets[0].id as string;

  expect((await call('POST', `/api/v1/tickets/${id}/take`)).status).toBe(200);
  const [taken] = await anna.nextReplies(1);
  expect(taken?.text).toBe(ru('desk.takenAnonymous'));

  await call('POST', `/api/v1/tickets/${id}/replies`, { text: 'Только для своих', note: true });
  expect((await call('POST', `/api/v1/tickets/${id}/replies`, { text: 'Заказ уже в пути!' })).status).toBe(201);
  const [answer] = await anna.nextReplies(1);
  expect(answer?.text).toBe(ru('desk.staffReplyAnonymous', { text: 'Заказ уже в пути!' }));

  expect((await call('POST', `/api/v1/tickets/${id}/resolve`)).status).toBe(200);
  const [prompt] = await anna.nextReplies(1);
  expect(prompt?.text).toBe(ru('desk.resolved'));
  await anna.presses(payload.rate(id, 5));
  expect((await call('GET', `/api/v1/tickets/${id}`)).body.ticket).toMatchObject({ status: 'resolved', rating: 5 });
  expect(anna.transcript.join('\n')).not.toContain('Только для своих');
  // No Slack: nothing was written for a staff channel that would never send it.
  expect(await telegram.prisma.outboxMessage.count({ where: { ticketId: id } })).toBe(
    await telegram.prisma.outboxMessage.count({ where: { ticketId: id, channel: 'telegram' } }),
  );
  expect(
    await telegram.prisma.outboxMessage.count({ where: { channel: { notIn: ['telegram', 'web', 'viber'] } } }),
  ).toBe(0);

  // Someone works the inbox now: the next request is promised an answer within the usual time.
  const [promised] = await anna.commands('/human');
  expect(promised?.text).toBe(ru('desk.opened.button', { count: 5 }));
});
