// At the till, through the real Telegram transport: the application long-polls
// the fake Bot API over loopback; a member shows the code on their card
// screen, a cashier enters it with the amount, chooses, confirms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { formatMoney } from '../../../core/points/formatMoney.ts';
import { callbackUpdate } from '../../support/telegramUpdates.ts';
import { registerMember } from './support/registerMember.ts';
import { startHarnessWithAnna } from './support/harnessWithAnna.ts';
import { texts } from './support/replyParts.ts';
import type { TelegramHarness } from './support/telegramHarness.ts';
import type { BotReply, TelegramUser } from './support/telegramUser.ts';

const ru = createTranslator().forLocale('ru');
const points = (count: number) => ru('points', { count });
const mdl = (minorUnits: number) => formatMoney(minorUnits, 'MDL', 'ru');
const SPEND_62 = ru('till.spendButton', { points: points(62) });

let harness: TelegramHarness;
let anna: TelegramUser;
let ion: TelegramUser;

beforeEach(async () => {
  ({ harness, anna } = await startHarnessWithAnna());
  ion = harness.user(2002, { firstName: 'Ion', languageCode: 'ru' });
  await registerMember(anna);
  // A cashier as an administrator grants one: a StaffMember row for their chat.
  await harness.prisma.staffMember.create({
    data: { id: crypto.randomUUID(), channel: 'telegram', address: String(ion.id), name: 'Ion', role: 'cashier' },
  });
});

afterEach(async () => {
  await harness.stop();
});

const annaAsMember = () =>
  harness.prisma.member.findFirstOrThrow({ where: { chats: { some: { address: String(anna.id) } } } });

/** The member presses "My card": the caption carries the one-time code the till takes. */
async function codeOnAnnasCard(): Promise<string> {
  const [card] = await anna.presses(menuPayload('card'));
  const code = /\b(\d{6})\b/.exec(card?.text ?? '')?.[1];
  if (!code) throw new Error(`The card screen shows no one-time code: ${card?.text}`);
  return code;
}

/** /till, the code, 125,50: the earn/spend choice is on the cashier's screen. */
async function cashierEntersPurchase(code: string): Promise<BotReply[]> {
  await ion.commands('/till');
  await ion.types(code);
  return ion.types('125,50');
}

describe('a purchase at the till', () => {
  it('spends points and earns on the rest, and the member is told in their own chat', async () => {
    const code = await codeOnAnnasCard();
    const [asked] = await ion.commands('/till');
    const [card] = await ion.types(code);
    const [choice] = await ion.types('125,50');
    const [summary] = await ion.taps(SPEND_62);
    const [result, next] = await ion.taps(ru('till.confirmButton'), 2);

    expect(asked?.text).toBe(ru('till.askMember'));
    expect(card?.text).toContain(ru('till.member.balance', { points: points(100) }));
    expect(choice?.text).toContain(ru('till.choice.amount', { amount: mdl(12_550) }));
    expect(summary?.text).toContain(ru('till.summary.toPay', { amount: mdl(6_350) }));
    expect(result?.text).toContain(ru('till.result.balance', { points: points(39) }));
    expect(next?.text).toBe(ru('till.askNextMember'));
    // 100 welcome points − 62 spent + 1 earned (3 % of 63,50, rounded down).
    const member = await annaAsMember();
    expect(member.balance).toBe(39);
    // Delivered by the outbox dispatcher, in Anna's language.
    const [told] = await anna.nextReplies(1);
    expect(told?.text).toContain(ru('purchase.recorded', { amount: mdl(12_550) }));
    expect(told?.text).toContain(ru('purchase.redeemed', { points: points(62), amount: mdl(6_200) }));
    expect(told?.text).toContain(ru('purchase.balance', { points: points(39) }));
  });

  it('records a double-tapped Confirm once', async () => {
    await cashierEntersPurchase(await codeOnAnnasCard());
    const [summary] = await ion.taps(SPEND_62);
    const confirm = summary!.buttons.flat().find((button) => button.text === ru('till.confirmButton'))!.data;
    ion.push(callbackUpdate(ion.id, confirm));
    ion.push(callbackUpdate(ion.id, confirm));
    const replies = await ion.nextReplies(4);

    expect(texts(replies)).toContain(ru('till.alreadyRecorded'));
    expect(await harness.prisma.purchase.count()).toBe(1);
    expect((await annaAsMember()).balance).toBe(39);
    await anna.nextReplies(1);
    expect(
      anna.transcript.filter((text) => text.startsWith(ru('purchase.recorded', { amount: mdl(12_550) }))),
    ).toHaveLength(1);
    expect(
      await harness.prisma.outboxMessage.count({
        where: { address: String(anna.id), dedupeKey: { startsWith: 'purchase:' } },
      }),
    ).toBe(1);
  });

  it('refuses a code that was already used', async () => {
    const code = await codeOnAnnasCard();
    await cashierEntersPurchase(code);
    await ion.taps(ru('till.earnOnlyButton'));
    await ion.taps(ru('till.confirmButton'), 2);

    expect(texts(await ion.types(code, 2))).toEqual([ru('till.codeExpired'), ru('till.askMember')]);
    expect(await harness.prisma.purchase.count()).toBe(1);
  });

  it('refuses a code that expired', async () => {
    const code = await codeOnAnnasCard();
    await harness.prisma.oneTimeCode.update({ where: { code }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await ion.commands('/till');

    expect(texts(await ion.types(code, 2))).toEqual([ru('till.codeExpired'), ru('till.askMember')]);
  });
});

describe('someone who is not a cashier', () => {
  it('gets the polite unknown-command answer to /till, and nothing changes', async () => {
    const code = await codeOnAnnasCard();
    const [answer] = await anna.commands('/till');
    await anna.types(code);

    expect(answer?.text).toBe(ru('errors.notUnderstood'));
    expect(answer?.buttons.flat().map((button) => button.data)).not.toContain('till:open');
    expect(await harness.prisma.tillSession.count()).toBe(0);
    expect(await harness.prisma.purchase.count()).toBe(0);
    expect((await annaAsMember()).balance).toBe(100);
  });

  it('cannot reach the till by pressing its buttons', async () => {
    const [answer] = await anna.presses('till:open');
    expect(answer?.text).toBe(ru('errors.unknownButton'));
    expect(await harness.prisma.tillSession.count()).toBe(0);
  });
});
