import { defaultUnderstanding } from '../../app/understanding.ts';
import { assistantMenu } from '../../app/assistantMenu.ts';
import type { ProgramRules } from '../../core/program/programRules.ts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../core/assistant.ts';
import { createTranslator } from '../../core/i18n/translator.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Inbound, InboundEvent } from '../../core/inbound.ts';
import { silentLogger } from '../../core/logger.ts';
import { isValidCardNumber } from '../../core/members/cardNumber.ts';
import type { Outbound } from '../../core/outbound.ts';
import { menuPayload, payload } from '../../core/payloads.ts';
import { defaultProgramSettings, type ProgramSettings } from '../../core/settings/programSettings.ts';
import { createConversationStores } from '../../core/storage/conversation/createConversationStores.ts';
import { createPointsStore } from '../../core/storage/points/createPointsStore.ts';
import { createTillStore } from '../../core/storage/till/createTillStore.ts';
import { createPointsService } from '../../core/points/pointsService.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import { deskDepsFor } from '../../app/desk.ts';
import { defaultDeskSettings } from '../../core/desk/deskSettings.ts';

// 22:30 UTC is already the next day in Chisinau (UTC+2 until 29 March).
const fixedNow = new Date('2026-03-10T22:30:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const translator = createTranslator();
const t = (locale: Locale) => translator.forLocale(locale);

let updates = 0;

/** One update from the web visitor `address`, with a fresh update id unless one is given. */
function inbound(address: string, event: InboundEvent, overrides: Partial<Inbound> = {}): Inbound {
  updates += 1;
  return { channel: 'web', address, updateId: `${address}:u${updates}`, event, ...overrides };
}
const text = (value: string): InboundEvent => ({ kind: 'text', text: value });
const press = (value: string): InboundEvent => ({ kind: 'button', payload: value });
const command = (name: string): InboundEvent => ({ kind: 'command', command: name });

const texts = (replies: Outbound[]) => replies.map((reply) => reply.text).join('\n');
const buttonPayloads = (replies: Outbound[]) =>
  replies.flatMap((reply) => reply.buttons?.flat() ?? []).flatMap((button) => button.payload ?? []);

describeEachProvider('the assistant', (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.dispose();
  });

  function assistantWith(settings: Partial<ProgramSettings> = {}, rules: Partial<ProgramRules> = {}): Assistant {
    return createAssistant({
      ...createConversationStores(db),
      menu: assistantMenu(),
      understanding: defaultUnderstanding(),
      translator,
      desk: deskDepsFor(db, translator, defaultDeskSettings),
      settings: { ...defaultProgramSettings, ...settings },
      clock: () => fixedNow,
      log: silentLogger,
      points: createPointsService({
        store: createPointsStore(db, rules),
        translator,
        clock: () => fixedNow,
        log: silentLogger,
      }),
      till: createTillStore(db),
    });
  }

  /** A stranger who consents and answers up to the birthday question, sharing their own contact (a proven number). */
  async function upToBirthday(assistant: Assistant, address = 'visitor-1', phone = '069123456'): Promise<void> {
    await assistant.handle(inbound(address, text('hello')));
    await assistant.handle(inbound(address, press(payload.consentAccept('en'))));
    await assistant.handle(inbound(address, text('Anna')));
    await assistant.handle(inbound(address, { kind: 'contact', phone, ownership: 'proven' }));
  }

  async function register(assistant: Assistant, address = 'visitor-1'): Promise<Outbound[]> {
    await upToBirthday(assistant, address);
    return assistant.handle(inbound(address, text('23.11.1990')));
  }

  const counts = async () => ({
    chats: await db.prisma.chat.count(),
    members: await db.prisma.member.count(),
    ledger: await db.prisma.ledgerEntry.count(),
  });
  const onlyMember = () => db.prisma.member.findFirstOrThrow();

  it('asks a stranger for consent before anything else', async () => {
    const replies = await assistantWith().handle(inbound('visitor-1', text('hello'), { languageHint: 'en-GB' }));
    expect(texts(replies)).toContain(t('en')('consent.text'));
    expect(buttonPayloads(replies)).toEqual(
      expect.arrayContaining([payload.consentAccept('en'), payload.consentDecline('en')]),
    );
  });

  it('issues a 12-digit card with a valid check digit at the end of registration', async () => {
    const replies = await register(assistantWith());
    const { cardNumber } = await onlyMember();
    expect(isValidCardNumber(cardNumber)).toBe(true);
    expect(replies.some((reply) => reply.image !== undefined)).toBe(true);
  });

  it('stores what the member answered', async () => {
    await register(assistantWith());
    expect(await onlyMember()).toMatchObject({
      name: 'Anna',
      phone: '+37369123456',
      birthDay: 23,
      birthMonth: 11,
      birthYear: 1990,
      locale: 'en',
    });
  });

  it('credits a welcome bonus of 100 points that lives 365 days', async () => {
    await register(assistantWith());
    const member = await onlyMember();
    const lines = await db.prisma.ledgerEntry.findMany({ where: { memberId: member.id } });
    expect(lines).toMatchObject([
      {
        kind: 'welcome',
        delta: 100,
        balanceAfter: 100,
        remaining: 100,
        expiresAt: new Date(fixedNow.getTime() + 365 * DAY_MS),
      },
    ]);
    expect(member.balance).toBe(100);
  });

  it('links the chat to the new member and shows the menu', async () => {
    const replies = await register(assistantWith());
    const chat = await db.prisma.chat.findFirstOrThrow();
    expect(chat.memberId).toBe((await onlyMember()).id);
    expect(buttonPayloads(replies)).toContain(menuPayload('balance'));
  });

  it('keeps the consent record with the member', async () => {
    await register(assistantWith({ consentVersion: '2026-03-test' }));
    expect(await onlyMember()).toMatchObject({ consentAt: fixedNow, consentVersion: '2026-03-test' });
  });

  it('answers a redelivered update with nothing and changes nothing', async () => {
    const assistant = assistantWith();
    await upToBirthday(assistant);
    const finish = inbound('visitor-1', text('23.11'));
    await assistant.handle(finish);
    const before = await counts();
    expect(await assistant.handle(finish)).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('apologises in the person’s language when it cannot answer, and answers the redelivery instead of dropping it', async () => {
    const stores = createConversationStores(db);
    let failures = 1;
    const till = createTillStore(db);
    const assistant = createAssistant({
      ...stores,
      menu: assistantMenu(),
      understanding: defaultUnderstanding(),
      translator,
      desk: deskDepsFor(db, translator, defaultDeskSettings),
      settings: defaultProgramSettings,
      clock: () => fixedNow,
      log: silentLogger,
      points: createPointsService({
        store: createPointsStore(db),
        translator,
        clock: () => fixedNow,
        log: silentLogger,
      }),
      till: {
        ...till,
        findCashier: (channel, address) =>
          failures-- > 0 ? Promise.reject(new Error('the database went away')) : till.findCashier(channel, address),
      },
    });
    const hello = inbound('visitor-9', text('buna'), { languageHint: 'ro-MD' });
    expect(await assistant.handle(hello)).toEqual([{ text: t('ro')('errors.internal') }]);
    expect(await assistant.failureReply(hello)).toEqual({ text: t('ro')('errors.internal') });
    expect(texts(await assistant.handle(hello))).not.toBe(t('ro')('errors.internal'));
  });

  it('gives a redelivered update the same replies again when the channel answers in the response', async () => {
    const assistant = assistantWith();
    await upToBirthday(assistant);
    const finish = { ...inbound('visitor-1', text('23.11')), repliesInResponse: true };
    const first = await assistant.handle(finish);
    const before = await counts();
    const again = await assistant.handle(finish);
    expect(again.map((reply) => reply.text)).toEqual(first.map((reply) => reply.text));
    const pngOf = (replies: Outbound[]) => {
      const image = replies.find((reply) => reply.image)?.image;
      return image && 'png' in image ? Buffer.from(image.png) : undefined;
    };
    expect(pngOf(again)).toBeDefined();
    expect(pngOf(again)).toEqual(pngOf(first));
    expect(await counts()).toEqual(before);
  });

  it('makes a chat that was marked unreachable reachable again when the person writes', async () => {
    const assistant = assistantWith();
    await register(assistant);
    await db.prisma.chat.updateMany({ data: { unreachableAt: fixedNow } });
    await assistant.handle(inbound('visitor-1', press(menuPayload('balance'))));
    expect((await db.prisma.chat.findFirstOrThrow()).unreachableAt).toBeNull();
  });

  it('lets a member switch birthday greetings off and on again, each kind on its own', async () => {
    const assistant = assistantWith();
    await register(assistant);
    const [settings] = await assistant.handle(inbound('visitor-1', press(menuPayload('notifications'))));
    expect(settings?.buttons?.slice(0, 3).map((row) => row[0]?.label)).toEqual([
      '✅ Purchases and level',
      '✅ Points about to expire',
      '✅ Birthday greetings',
    ]);

    const [off] = await assistant.handle(inbound('visitor-1', press(payload.toggleNotification('birthday'))));
    expect(off?.text).toContain('Birthday greetings: off. Nothing else changes; your points and bonuses stay.');
    expect(off?.buttons?.[2]?.[0]?.label).toBe('🔕 Birthday greetings');
    expect(await db.prisma.notificationMute.findMany({ select: { topic: true } })).toEqual([{ topic: 'birthday' }]);

    const [on] = await assistant.handle(inbound('visitor-1', press(payload.toggleNotification('birthday'))));
    expect(on?.text).toContain('Birthday greetings: on again.');
    expect(await db.prisma.notificationMute.count()).toBe(0);
  });

  it('keeps nothing about a stranger who declines', async () => {
    const assistant = assistantWith();
    await assistant.handle(inbound('visitor-1', text('hello')));
    const replies = await assistant.handle(inbound('visitor-1', press(payload.consentDecline('ro'))));
    expect(texts(replies)).toBe(t('ro')('consent.declined'));
    // Only the de-duplication record of each update remains: it names an update, not a person.
    expect(await counts()).toEqual({ chats: 0, members: 0, ledger: 0 });
  });

  it('greets a stranger in the language they pick, and stores nothing', async () => {
    const replies = await assistantWith().handle(
      inbound('visitor-1', press(payload.language('ro')), { languageHint: 'ru' }),
    );
    expect(texts(replies)).toContain(t('ro')('greeting.hello'));
    expect(buttonPayloads(replies)).toContain(payload.consentAccept('ro'));
    expect(await counts()).toEqual({ chats: 0, members: 0, ledger: 0 });
  });

  it('issues exactly one card when the last answer arrives twice at once under different update ids', async () => {
    const assistant = assistantWith();
    await upToBirthday(assistant);
    await Promise.all([
      assistant.handle(inbound('visitor-1', text('23.11'))),
      assistant.handle(inbound('visitor-1', text('23.11'))),
    ]);
    expect(await counts()).toEqual({ chats: 1, members: 1, ledger: 1 });
    expect((await onlyMember()).balance).toBe(100);
  });

  it('shows the balance with the points expiring soon, dated in the programme time zone', async () => {
    const assistant = assistantWith({}, { pointsLifetimeDays: 10 });
    await register(assistant);
    const replies = await assistant.handle(inbound('visitor-1', press(menuPayload('balance'))));
    // Expires 2026-03-20T22:30Z, which is already 21 March in Chisinau.
    expect(texts(replies)).toContain(
      t('en')('balance.expiring', { points: t('en')('points', { count: 100 }), date: '21 March 2026' }),
    );
  });

  it('does not mention points that expire later than the warning period', async () => {
    const assistant = assistantWith();
    await register(assistant);
    const replies = await assistant.handle(inbound('visitor-1', press(menuPayload('balance'))));
    expect(texts(replies)).toBe(
      [
        t('en')('balance.text', { points: t('en')('points', { count: 100 }) }),
        'Your level: Bronze.',
        'Stamp card: 0 of 6.',
      ].join('\n'),
    );
  });

  it('lists the welcome bonus in the history', async () => {
    const assistant = assistantWith();
    await register(assistant);
    const replies = await assistant.handle(inbound('visitor-1', command('history')));
    expect(texts(replies)).toMatch(new RegExp(`\\+100\\s+${t('en')('ledger.welcome')}`));
  });

  it('answers a member pressing a forged menu button with the menu', async () => {
    const assistant = assistantWith();
    await register(assistant);
    const replies = await assistant.handle(inbound('visitor-1', press('menu:toString')));
    expect(replies.map((reply) => reply?.text)).toEqual([t('en')('errors.unknownButton')]);
  });

  it('serves a member whose stored conversation state is unreadable', async () => {
    const assistant = assistantWith();
    await register(assistant);
    await db.prisma.chat.updateMany({ data: { state: '{"v":1,"step":' } });
    const replies = await assistant.handle(inbound('visitor-1', text('hi')));
    expect(buttonPayloads(replies)).toContain(menuPayload('balance'));
  });

  it('asks for the name again when a registering chat has unreadable state', async () => {
    const assistant = assistantWith();
    await upToBirthday(assistant);
    await db.prisma.chat.updateMany({ data: { state: 'garbage' } });
    const replies = await assistant.handle(inbound('visitor-1', text('23.11')));
    expect(replies.at(-1)?.text).toBe(t('en')('registration.askName'));
  });

  it('continues the registration after recovering from unreadable state', async () => {
    const assistant = assistantWith();
    await upToBirthday(assistant);
    await db.prisma.chat.updateMany({ data: { state: '[]' } });
    const replies = await assistant.handle(inbound('visitor-1', text('Maria')));
    expect(replies.at(-1)?.text).toBe(t('en')('registration.askPhoneTyped', { name: 'Maria' }));
  });
});
