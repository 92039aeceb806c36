// A customer's whole life in Viber against the stand-in: opening the chat,
// consent, registration with the share-phone button, the card as a picture
// Viber fetches by URL, a purchase confirmation through the viber lane.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViberHarness } from './support/viberHarness.ts';
import type { ViberUser } from './support/viberUser.ts';
import { eventually } from './support/eventually.ts';

const ADMIN_TOKEN = 'viber-admin-token-0123456789-abcdefghij';
const PHONE = '+37369123456';

let harness: ViberHarness;
let anna: ViberUser;

beforeAll(async () => {
  harness = await ViberHarness.start({ env: { ADMIN_TOKEN } });
  anna = harness.user('AnNa01234567890A=', { language: 'ru', name: 'Анна' });
});

afterAll(async () => {
  await harness.stop();
});

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${harness.app.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('a customer in Viber', () => {
  it('consents from the welcome and is asked for a name', async () => {
    const { welcome } = await anna.opens();
    expect(welcome?.buttons.map((b) => b.Text)).toContain('Согласен(на)');

    const replies = await anna.taps('Согласен(на)');

    expect(replies.map((r) => r.text).join('\n')).toMatch(/Как вас зовут\?/);
    expect(await harness.prisma.chat.count({ where: { channel: 'viber' } })).toBe(1);
  });

  it('is offered a share-phone button, which needs min_api_version 3', async () => {
    const [prompt] = await anna.types('Анна');

    expect(prompt?.buttons.find((b) => b.ActionType === 'share-phone')).toMatchObject({
      ActionBody: 'phone',
      Columns: 6,
    });
    expect(prompt?.minApiVersion).toBe(3);
  });

  it('registers with the shared phone, which Viber cannot prove, so the welcome gift waits for the till; the card comes as a picture fetched by URL', async () => {
    await anna.sharesPhone(PHONE);
    const closing = await anna.types('29.02');

    const member = await harness.prisma.member.findFirstOrThrow();
    expect(member).toMatchObject({ phone: PHONE, phoneVerified: false, balance: 0 });
    expect(closing.map((reply) => reply.text).join('\n')).toContain('при первой покупке на кассе');
    const card = closing.find((reply) => reply.type === 'picture');
    expect(card?.media).toMatch(new RegExp(`^${harness.app.url}/viber/images/[A-Za-z0-9_-]{22}\\.png$`));
    expect(card?.media).not.toContain(member.cardNumber);
    expect(card?.call?.media?.subarray(1, 4).toString()).toBe('PNG');
  });

  it('sees the balance from the menu keyboard, each button on Viber’s six-column grid', async () => {
    const [balance] = await anna.taps('💰 Баланс');

    expect(balance?.text).toMatch(/0 баллов/);
    expect(balance?.buttons.length).toBeGreaterThan(0);
    for (const button of balance?.buttons ?? []) expect(button.Columns).toBeGreaterThanOrEqual(1);
  });

  it('gets a purchase confirmation from the viber lane, and Viber’s receipts are recorded on it', async () => {
    const member = await harness.prisma.member.findFirstOrThrow();
    const response = await api('/api/v1/purchases', {
      member: { card: member.cardNumber },
      amount: 10_000,
      receiptId: 'v-1',
    });
    expect(response.status).toBe(201);

    const [confirmation] = await anna.nextReplies(1);
    expect(confirmation?.text).toMatch(/100,00|100\.00/);
    const row = await eventually(
      async () =>
        (await harness.prisma.outboxMessage.findFirst({ where: { channel: 'viber', status: 'sent' } })) ?? undefined,
    );
    expect(row.platformId).toBe(String(confirmation?.call?.token));

    const delivered = await harness.fake.deliver({
      event: 'delivered',
      timestamp: 1_764_000_000_000,
      message_token: confirmation!.call!.token!,
      user_id: anna.id,
    });
    const seen = await harness.fake.deliver({
      event: 'seen',
      timestamp: 1_764_000_001_000,
      message_token: confirmation!.call!.token!,
      user_id: anna.id,
    });
    expect([delivered.status, seen.status]).toEqual([200, 200]);
    const after = await harness.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.deliveredAt?.getTime()).toBe(1_764_000_000_000);
    expect(after.seenAt?.getTime()).toBe(1_764_000_001_000);
  });

  it('is not pushed anything after unsubscribing, until writing again', async () => {
    const response = await harness.fake.deliver({
      event: 'unsubscribed',
      timestamp: Date.now(),
      user_id: anna.id,
      message_token: harness.fake.token(),
    });
    harness.fake.unsubscribe(anna.id);
    expect(response.status).toBe(200);
    const member = await harness.prisma.member.findFirstOrThrow();

    const purchase = await api('/api/v1/purchases', {
      member: { card: member.cardNumber },
      amount: 5_000,
      receiptId: 'v-2',
    });
    const { purchaseId } = (await purchase.json()) as { purchaseId: string };

    expect(anna.newReplies()).toEqual([]);
    // The only chat of the member is unreachable: nothing was even queued.
    expect(await harness.prisma.outboxMessage.count({ where: { dedupeKey: `purchase:${purchaseId}` } })).toBe(0);
    expect(purchaseId).toBeTruthy();
    const chat = await harness.prisma.chat.findFirstOrThrow({ where: { channel: 'viber' } });
    expect(chat.unreachableAt).not.toBeNull();

    await anna.types('привет');
    const again = await harness.prisma.chat.findFirstOrThrow({ where: { channel: 'viber' } });
    expect(again.unreachableAt).toBeNull();
  });
});
