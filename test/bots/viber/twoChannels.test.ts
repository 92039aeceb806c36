// One person on Telegram and Viber, one application, both real transports:
// the Viber chat joins the Telegram member's card, and a purchase
// confirmation goes to the chat used most recently, through the viber lane.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payload } from '../../../core/payloads.ts';
import { startFakeBotApi, type FakeBotApi } from '../../support/fakeBotApi.ts';
import { callbackUpdate, commandUpdate, contactUpdate, textUpdate } from '../../support/telegramUpdates.ts';
import { eventually } from './support/eventually.ts';
import { ViberHarness } from './support/viberHarness.ts';

const ADMIN_TOKEN = 'two-channels-admin-token-0123456789abc';
const PHONE = '37369123456';
const ANNA_TELEGRAM = 5005;

let telegram: FakeBotApi;
let harness: ViberHarness;
let updateId = 0;

beforeEach(async () => {
  telegram = await startFakeBotApi();
  harness = await ViberHarness.start({ telegram, env: { ADMIN_TOKEN } });
});

afterEach(async () => {
  await harness.stop();
  await telegram.close();
});

const withId = () => ({ withUpdateId: (updateId += 1) });

async function registerInTelegram(): Promise<void> {
  await harness.telegramUpdate(commandUpdate(ANNA_TELEGRAM, '/start', undefined, withId()));
  await harness.telegramUpdate(callbackUpdate(ANNA_TELEGRAM, payload.consentAccept('ru'), undefined, withId()));
  await harness.telegramUpdate(textUpdate(ANNA_TELEGRAM, 'Анна', withId()));
  await harness.telegramUpdate(contactUpdate(ANNA_TELEGRAM, PHONE, withId()));
  await harness.telegramUpdate(callbackUpdate(ANNA_TELEGRAM, payload.skipBirthday, undefined, withId()));
}

describe('one person on Telegram and Viber', () => {
  it('is one member: the Viber chat joins the card with the code sent to Telegram, with no second bonus, and is told the balance is the same', async () => {
    await registerInTelegram();
    const anna = harness.user('AnNaViber000000000A=');
    await anna.opens();
    await anna.taps('Согласен(на)');
    await anna.types('Анна');

    // Viber's contact proves nothing, so the card's Telegram chat confirms it is the same person.
    const [asked] = await anna.sharesPhone(`+${PHONE}`);
    expect(asked?.text).toContain('мы отправили код в чат');
    expect(await harness.prisma.chat.count({ where: { channel: 'viber', memberId: { not: null } } })).toBe(0);
    const notice = await eventually(async () =>
      telegram.sentTexts(ANNA_TELEGRAM).find((text) => text.includes('Viber')),
    );
    const [linked] = await anna.types(/\b(\d{6})\b/.exec(notice)![1]!);

    expect(linked?.text).toContain('та же карта, тот же баланс (100 баллов)');
    expect(await harness.prisma.member.count()).toBe(1);
    expect(await harness.prisma.ledgerEntry.count({ where: { kind: 'welcome' } })).toBe(1);
    const chats = await harness.prisma.chat.findMany({ select: { channel: true, memberId: true } });
    expect(new Set(chats.map((chat) => chat.memberId)).size).toBe(1);
    expect(chats.map((chat) => chat.channel).sort()).toEqual(['telegram', 'viber']);

    const member = await harness.prisma.member.findFirstOrThrow();
    const purchase = await fetch(`${harness.app.url}/api/v1/purchases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ member: { card: member.cardNumber }, amount: 10_000, receiptId: 'two-1' }),
    });
    expect(purchase.status).toBe(201);
    const { purchaseId } = (await purchase.json()) as { purchaseId: string };

    const [confirmation] = await anna.nextReplies(1);
    expect(confirmation?.text).toMatch(/100,00/);
    const row = await eventually(
      async () =>
        (await harness.prisma.outboxMessage.findFirst({ where: { dedupeKey: `purchase:${purchaseId}` } })) ?? undefined,
    );
    expect(row.channel).toBe('viber');
  });
});
