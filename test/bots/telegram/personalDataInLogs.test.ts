// A whole Telegram scenario with the application's own logger capturing every
// line at debug: registration, the card (its photo refused by Telegram, then
// the whole call refused, which is logged at error), a purchase through the
// REST API. No name, phone, card number, till code (any one issued), message
// text or token may appear in a line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCardNumber } from '../../../core/members/cardNumber.ts';
import { registerMember } from './support/registerMember.ts';
import { TelegramHarness } from './support/telegramHarness.ts';
import type { TelegramUser } from './support/telegramUser.ts';

const ADMIN_TOKEN = 'admin-token-never-logged-4711-0123456789';
const NAME = 'Зинаида';
const PHONE = '37369777888';
const TYPED = 'Где мой подарок Зинаида 5521';

let harness: TelegramHarness;
let zina: TelegramUser;

beforeAll(async () => {
  harness = await TelegramHarness.start({ captureLogs: true, env: { ADMIN_TOKEN } });
  zina = harness.user(3301, { firstName: 'Zina' });
});

afterAll(async () => {
  await harness.stop();
});

async function api(path: string, body: unknown, token = ADMIN_TOKEN): Promise<Record<string, unknown>> {
  const response = await fetch(`${harness.app.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

describe('logs of a whole Telegram scenario', () => {
  let cardNumber = '';
  let tillCode = '';
  let apiKey = '';

  it('shows the card in text, number and till code, when Telegram refuses its photo', async () => {
    await registerMember(zina, { name: NAME, phone: PHONE, birthday: '14.03' });
    cardNumber = (await harness.prisma.member.findFirstOrThrow()).cardNumber;
    harness.fake.failNext('sendPhoto', { status: 400, description: 'Bad Request: IMAGE_PROCESS_FAILED' });

    const [card] = await zina.taps('💳 Моя карта');

    expect(card?.method).toBe('sendMessage');
    expect(card?.text).toContain(`№ ${formatCardNumber(cardNumber)}`);
    tillCode = /Одноразовый код для кассы: (\S+)/.exec(card?.text ?? '')?.[1] ?? '';
    expect(tillCode).not.toBe('');
  });

  it('answers with an apology when Telegram refuses the card for a reason that is not the photo', async () => {
    harness.fake.failNext('sendPhoto', { status: 403, description: 'Forbidden: bot was blocked by the user' });

    const [apology] = await zina.taps('💳 Моя карта');

    expect(apology?.text).toMatch(/^Извините/);
  });

  it('answers a purchase made through the API in the member’s chat', async () => {
    await zina.types(TYPED, 1);
    apiKey = String((await api('/api/v1/api-keys', { name: 'Till 1' })).key);

    await api('/api/v1/purchases', { member: { card: cardNumber }, amount: 12_345, receiptId: 'log-test-1' }, apiKey);
    const [confirmation] = await zina.nextReplies(1);

    expect(confirmation?.text).toMatch(/123,45|123\.45/);
  });

  it('wrote no personal value or secret in any log line', () => {
    const codes = harness.fake.calls.flatMap((call) =>
      [...String(call.payload.caption ?? call.payload.text ?? '').matchAll(/кассы: (\S+)/g)].map((m) => m[1]!),
    );
    const secrets = [
      NAME,
      PHONE,
      `+${PHONE}`,
      cardNumber,
      formatCardNumber(cardNumber),
      tillCode,
      ...codes,
      TYPED,
      harness.fake.token,
      ADMIN_TOKEN,
      apiKey,
    ];
    const lines = harness.logs.map((line) => line.raw);

    expect(lines.length).toBeGreaterThan(0);
    for (const secret of secrets)
      expect(
        lines.filter((line) => line.includes(secret)),
        secret,
      ).toEqual([]);
  });
});
