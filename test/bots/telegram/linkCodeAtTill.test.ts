// A member enrolled at the till through the REST API has no chat. The
// cashier's till shows a one-time code for them; typed at the phone step in
// a chat (here Telegram, then the web chat's rules through the same core),
// it connects that chat to the card: one member, one balance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { payload } from '../../../core/payloads.ts';
import { TelegramHarness } from './support/telegramHarness.ts';
import type { TelegramUser } from './support/telegramUser.ts';

const ru = createTranslator().forLocale('ru');
const ADMIN_TOKEN = 'till-link-admin-token-0123456789abcdef';
const PHONE = '+37369200001';

let harness: TelegramHarness;
let ion: TelegramUser;
let ana: TelegramUser;

beforeEach(async () => {
  harness = await TelegramHarness.start({ env: { ADMIN_TOKEN } });
  ion = harness.user(2002, { firstName: 'Ion', languageCode: 'ru' });
  ana = harness.user(3003, { firstName: 'Ana', languageCode: 'ru' });
  await harness.prisma.staffMember.create({
    data: { id: crypto.randomUUID(), channel: 'telegram', address: String(ion.id), name: 'Ion', role: 'cashier' },
  });
  const response = await fetch(`${harness.app.url}/api/v1/members`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone: PHONE, name: 'Ana', locale: 'ru', consent: true }),
  });
  expect(response.status).toBe(201);
});

afterEach(async () => {
  await harness.stop();
});

/** The cashier finds Ana by phone and presses the link-code button; resolves to the code shown. */
async function codeFromTill(): Promise<string> {
  await ion.commands('/till');
  await ion.types(PHONE);
  const [shown] = await ion.taps(ru('till.linkCodeButton'), 2);
  const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(shown?.text ?? '')?.[1];
  if (!code) throw new Error(`The till showed no link code: ${shown?.text}`);
  return code;
}

async function upToPhone(user: TelegramUser): Promise<void> {
  await user.commands('/start');
  await user.presses(payload.consentAccept('ru'), 2);
  await user.types('Ana');
}

describe('a link code from the till', () => {
  it('connects a chat to the card of a member enrolled at the till, with no second card or bonus', async () => {
    const code = await codeFromTill();
    await upToPhone(ana);

    const [linked] = await ana.types(code.toLowerCase(), 2);

    expect(linked?.text).toContain('Этот чат подключён к вашей карте');
    expect(await harness.prisma.member.count()).toBe(1);
    const member = await harness.prisma.member.findFirstOrThrow();
    const chat = await harness.prisma.chat.findFirstOrThrow({ where: { address: String(ana.id) } });
    expect(chat.memberId).toBe(member.id);
    expect(await harness.prisma.ledgerEntry.count({ where: { kind: 'welcome' } })).toBe(1);
  });

  it('works once: a second chat typing the same code is told it is not valid', async () => {
    const code = await codeFromTill();
    await upToPhone(ana);
    await ana.types(code, 2);
    const other = harness.user(4004, { firstName: 'Oleg', languageCode: 'ru' });
    await upToPhone(other);

    const [refused] = await other.types(code, 2);

    expect(refused?.text).toBe(ru('registration.linkCodeInvalid'));
    const chat = await harness.prisma.chat.findFirstOrThrow({ where: { address: String(other.id) } });
    expect(chat.memberId).toBeNull();
  });

  it('tells a number typed for that member, with no chat to send a code to, to ask the cashier for one', async () => {
    await upToPhone(ana);

    const [answer] = await ana.types(PHONE, 2);

    expect(answer?.text).toBe(ru('registration.phoneTaken'));
    expect(answer?.text).toContain('кассир');
  });
});
