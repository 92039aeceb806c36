// Consent to news and offers through the real Telegram transport: asked once
// on the menu that closes registration, off until the member says yes, every
// answer kept with its date and text version, and one tap to stop.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { OFFERS_TEXT_VERSION } from '../../../core/marketing/offersQuestion.ts';
import { offersPayload } from '../../../core/marketing/offersPayloads.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { registerMember } from './support/registerMember.ts';
import { startHarnessWithAnna } from './support/harnessWithAnna.ts';
import { labelsOf } from './support/replyParts.ts';
import type { TelegramHarness } from './support/telegramHarness.ts';
import type { TelegramUser } from './support/telegramUser.ts';

const ru = createTranslator().forLocale('ru');

let harness: TelegramHarness;
let anna: TelegramUser;

beforeEach(async () => {
  ({ harness, anna } = await startHarnessWithAnna());
});

afterEach(async () => {
  await harness.stop();
});

const member = () => harness.prisma.member.findFirstOrThrow();
const history = async () =>
  (await harness.prisma.marketingConsentChange.findMany({ orderBy: { at: 'asc' } })).map((row) => ({
    optedIn: row.optedIn,
    source: row.source,
    textVersion: row.textVersion,
  }));

it('asks once after registration, on the menu, with yes and no a tap each; nothing is agreed before', async () => {
  const [, , menu] = await registerMember(anna);
  expect(menu?.text.startsWith(ru('offers.question'))).toBe(true);
  expect(menu?.buttons[0]?.map((button) => button.text)).toEqual([ru('offers.yes'), ru('offers.no')]);
  expect(labelsOf(menu)).toContain(ru('menu.balance'));
  expect((await member()).marketingOptIn).toBe(false);
  expect(await history()).toEqual([]);
  // The menu after that does not ask again.
  const [balance] = await anna.presses(menuPayload('balance'));
  expect(balance?.text).not.toContain(ru('offers.question'));
});

it('records yes with its text version, shows the switch on, and stops with one tap under a campaign message', async () => {
  await registerMember(anna);
  const [settings] = await anna.taps(ru('offers.yes'));
  expect(settings?.text.startsWith(ru('offers.optedIn'))).toBe(true);
  const offersSwitch = ru('notifications.on', { topic: ru('notifications.topic.offers') });
  expect(labelsOf(settings)).toContain(offersSwitch);
  expect((await member()).marketingOptIn).toBe(true);

  const [stopped] = await anna.presses(offersPayload('stop'));
  expect(stopped?.text.startsWith(ru('offers.optedOut'))).toBe(true);
  expect(labelsOf(stopped)).toContain(ru('notifications.off', { topic: ru('notifications.topic.offers') }));
  expect((await member()).marketingOptIn).toBe(false);
  expect(await history()).toEqual([
    { optedIn: true, source: 'registration', textVersion: OFFERS_TEXT_VERSION },
    { optedIn: false, source: 'campaign', textVersion: OFFERS_TEXT_VERSION },
  ]);
});

it('switches on and off from the notification settings like any other kind of message', async () => {
  await registerMember(anna);
  await anna.taps(ru('offers.no'));
  const [settings] = await anna.presses(menuPayload('notifications'));
  const off = ru('notifications.off', { topic: ru('notifications.topic.offers') });
  expect(labelsOf(settings)).toContain(off);
  const [on] = await anna.taps(off);
  expect(labelsOf(on)).toContain(ru('notifications.on', { topic: ru('notifications.topic.offers') }));
  expect((await member()).marketingOptIn).toBe(true);
  expect((await history()).map((change) => change.source)).toEqual(['registration', 'settings']);
});

it('answers a mangled offers button politely and changes nothing', async () => {
  await registerMember(anna);
  const [answer] = await anna.presses('offers:maybe');
  expect(answer?.text).toBe(ru('errors.unknownButton'));
  expect(await history()).toEqual([]);
});
